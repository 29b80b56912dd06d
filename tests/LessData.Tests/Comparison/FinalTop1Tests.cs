using LessData.Comparison;
using LessData.Provenance;
using LessData.Runs;
using LessData.Training;

namespace LessData.Tests.Comparison;

public sealed class FinalTop1Tests
{
    /// <summary>A 12-epoch run whose last three epochs (the final window) have these fractions and full-split top-1.</summary>
    private static RunRecord Run(double[] fractions, double[] top1)
    {
        var epochs = Enumerable.Range(1, 12).Select(e => new EpochRecord(e, e <= 9 ? 0.5 : fractions[e - 10], 10, 10 * e, 1, 0.5, 1, 0.001,
            e <= 9 ? null : top1[e - 10])).ToList();
        return new RunRecord(new TrainConfig(), new RunProvenance("t", new Dictionary<string, string>(), "m", "c"), epochs,
            new RunTotals(120, 1, 1, top1.Average(), top1.Max(), 0, 0, "model:65W", FinalWindow: 3));
    }

    private static readonly RunRecord Baseline = Run([1, 1, 1], [0.80, 0.81, 0.82]);

    [Fact]
    public void FullData_Increment_IsReadOnlyOverItsFullDataEpochs_AndSoIsItsBaseline()
    {
        // Given an Increment-like run that reaches all the images only in the last epoch
        var increment = Run([0.86, 0.93, 1], [0.70, 0.75, 0.83]);

        var (m, b) = FinalTop1.Pair(increment, Baseline, FinalTop1Reading.FullData);

        (m, b).Should().Be((0.83, 0.82), "only epoch 12 has both runs on full data");
        FinalTop1.Of(increment, FinalTop1Reading.FullData).Should().Be(0.83);
        FinalTop1.Pair(increment, Baseline, FinalTop1Reading.Window).Should().Be((increment.Totals.Top1, Baseline.Totals.Top1));
    }

    [Fact]
    public void FullData_AStepRunFullInTheWindow_IsReadOverTheWholeWindow()
    {
        var step = Run([1, 1, 1], [0.78, 0.80, 0.79]);

        var (m, b) = FinalTop1.Pair(step, Baseline, FinalTop1Reading.FullData);

        m.Should().BeApproximately((0.78 + 0.80 + 0.79) / 3, 1e-12);
        b.Should().BeApproximately((0.80 + 0.81 + 0.82) / 3, 1e-12);
    }

    [Fact]
    public void FullData_CutLike_UsesTheTrailingFullEpochs_AndANeverFullRunItsLastEpoch()
    {
        var cut = Run([0.89, 1, 1], [0.70, 0.78, 0.80]);
        FinalTop1.Pair(cut, Baseline, FinalTop1Reading.FullData).Method.Should().BeApproximately(0.79, 1e-12);

        var pruned = Run([0.5, 0.5, 0.5], [0.70, 0.72, 0.74]);
        FinalTop1.Pair(pruned, Baseline, FinalTop1Reading.FullData).Should().Be((0.74, 0.82), "no full-data epoch: both at the end");
    }
}
