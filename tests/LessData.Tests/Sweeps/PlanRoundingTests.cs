using LessData.Sweeps;

namespace LessData.Tests.Sweeps;

public sealed class PlanRoundingTests
{
    [Fact]
    public void TenEpochs_MovesStepAndCutCells_AndWarns()
    {
        // Given the paper plan at the old cpu profile's 10 epochs
        var ratios = PlanRounding.Ratios(SweepPlans.Get("paper"), 10, 6000).ToDictionary(r => r.Id);

        // Then E1 sits at 0.775 against the paper's 0.8125 (the figures), and a warning names it
        ratios["E1"].Ratio.Should().BeApproximately(0.775, 1e-9);
        ratios["E1"].PaperRatio.Should().BeApproximately(0.8125, 1e-9);
        ratios["C3"].Ratio.Should().BeApproximately(0.7, 1e-3);
        PlanRounding.Warnings(ratios.Values, 10).Should().Contain(w => w.Contains("E1 (step:0.25@0.25)") && w.Contains("0.813"));
    }

    [Fact]
    public void CpuProfileEpochs_PutEveryStepCellAtThePapersRatio()
    {
        // Given the cpu profile's epochs (a multiple of 4)
        SweepProfiles.CpuEpochs.Should().Be(SweepProfiles.Get("cpu").Experiment.Epochs);
        (SweepProfiles.CpuEpochs % 4).Should().Be(0);

        var ratios = PlanRounding.Ratios(SweepPlans.Get("paper"), SweepProfiles.CpuEpochs, SweepProfiles.CpuTrainLimit);

        // Then Step and C2/C3 are exact; only C5 and C9 (sections of 12/5 and 12/9 epochs) still move, and are warned about
        ratios.Where(r => r.Id.StartsWith('E') || r.Id is "C2" or "C3").Should().OnlyContain(r => Math.Abs(r.ShiftPoints) < 1e-9);
        var warnings = PlanRounding.Warnings(ratios, SweepProfiles.CpuEpochs);
        warnings.Should().HaveCount(2);
        warnings.Should().Contain(w => w.Contains("C5 (cut:5)")).And.Contain(w => w.Contains("C9 (cut:9)"));
    }
}
