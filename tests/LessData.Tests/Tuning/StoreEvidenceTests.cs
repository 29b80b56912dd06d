using LessData.Provenance;
using LessData.Runs;
using LessData.Training;
using LessData.Tuning;

namespace LessData.Tests.Tuning;

/// <summary>The evidence read from runs: paired Δ and time saved, and an hours budget estimated from evaluations × measured seconds per image.</summary>
public sealed class StoreEvidenceTests
{
    private static RunRecord Run(long evaluations, double trainSeconds, double totalSeconds, double top1) => new(
        new TrainConfig(), new RunProvenance("test", new Dictionary<string, string>(), "test", "test"), [],
        new RunTotals(evaluations, trainSeconds, totalSeconds, top1, top1, 0, 0, "model:65W", 0, 0, 0.003, 10000, 1, top1));

    private static (StoreEvidence Evidence, TunePlan Plan) Make(TuneBudget budget)
    {
        var recipe = new TrainConfig { Experiment = new() { Epochs = 4, TrainLimit = 1000 } };
        var plan = TunePlan.Of(recipe, CandidateSet.Parse("step:0.5@0.5 infobatch"), null);
        var runs = new Dictionary<(int, int), RunRecord>
        {
            [(0, 0)] = Run(4000, 80, 3600, 0.90), // baseline: 4 epochs × 1000 images, one hour of wall time
            [(1, 0)] = Run(3000, 60, 2700, 0.89),
            [(2, 0)] = Run(2200, 50, 2000, 0.905),
        };
        return (new StoreEvidence(plan, runs, budget), plan);
    }

    [Fact]
    public void Pair_IsDeltaInPoints_AndTimeSavedInPercentOfTheBaseline()
    {
        var (evidence, _) = Make(TuneBudget.Of(10, null));

        var (delta, saved) = evidence.Pair(1, 0);

        delta.Should().BeApproximately(-1.0, 1e-9);
        saved.Should().BeApproximately(25.0, 1e-9, "1 − 60/80");
        evidence.Spent(1, 0).Should().Be(1);
        evidence.Estimate(2, [(0, 0)]).Should().Be(1);
    }

    [Fact]
    public void Hours_SpentIsWallTime_AndARunIsItsEvaluationsTimesSecondsPerImageSoFar()
    {
        var (evidence, plan) = Make(TuneBudget.Of(null, 10));
        (int, int)[] done = [(0, 0), (1, 0), (2, 0)];
        double perImage = (3600.0 + 2700 + 2000) / (4000 + 3000 + 2200);

        evidence.Spent(0, 0).Should().BeApproximately(1.0, 1e-12);
        // step:0.5@0.5 over 4 epochs of 1000 images: the formula's evaluations
        long predicted = plan.Config(1).Experiment.Selector.PredictedEvaluations(plan.Config(1).Experiment.Schedule, 4, 1000)!.Value;
        evidence.Estimate(1, done).Should().BeApproximately(perImage * predicted / 3600, 1e-12);
        // infobatch without a target: the losses decide, so its own measured evaluations
        evidence.Estimate(2, done).Should().BeApproximately(perImage * 2200 / 3600, 1e-12);
        // only the runs done so far count
        evidence.Estimate(0, [(0, 0)]).Should().BeApproximately(3600.0 / 4000 * 4000 / 3600, 1e-12);
    }
}
