using LessData.Comparison;
using LessData.Provenance;
using LessData.Runs;
using LessData.Selection;
using LessData.Statistics;
using LessData.Store;
using LessData.Training;

namespace LessData.Tests.Comparison;

public sealed class DecidedMethodsTests
{
    private static readonly TrainConfig Base = new() { Experiment = new() { Epochs = 2, Seed = 1 } };

    private static RunRecord Record(TrainConfig c, double top1) => new(c, new RunProvenance("t", new Dictionary<string, string>(), "m", "c"), [],
        new RunTotals(10, 10, 11, top1, top1, 0, 0, "model:65W"));

    [Fact]
    public void UntilDecided_AVerdictIsFinalAtItsLook_LaterTrialsDoNotChangeIt()
    {
        // Given two methods: M1 clearly maintains from the start, M2 stays undecided; M1's later trials (if they ran)
        // would be far below the margin
        var plan = new ComparisonPlan(Base, [ComparisonPlan.WithSchedule(Base, Schedules.Parse("step:0.5@0.5")), ComparisonPlan.WithSchedule(Base, Schedules.Parse("cut:5"))]);
        var rule = plan.Rule(0.5, (3, 8));
        double Top1(PlannedRun p) => p.ExperimentId switch
        {
            "Baseline" => 0.80 + 0.001 * p.Trial,
            "M1" => p.Trial < 3 ? 0.80 + 0.001 * p.Trial + 0.00001 * p.Trial : 0.70,
            _ => 0.80 + (p.Trial % 2 == 0 ? 0.01 : -0.02),
        };
        var decided = new DecidedMethods();
        IReadOnlyList<ComparisonRow> rows = [];

        // When the loop looks after 3, 4, … 8 trials, running only the runs still needed
        for (int trials = 3; trials <= 8; trials++)
        {
            var planned = decided.Needed(plan.Expand(trials));
            rows = plan.Rows(planned, planned.ToDictionary(p => p.Key, p => Record(p.Config, Top1(p))), rule);
            decided.Record(rows);
        }

        // Then M1 was decided at its first look and kept that look's trials and verdict; M2 ran to the end
        rows[1].Verdict.Should().Be(Verdict.Maintains);
        rows[1].Trials.Should().Be(3);
        rows[1].Decision!.Critical.Should().Be(rule.Critical(3));
        rows[2].Trials.Should().Be(8);
        decided.Count.Should().Be(1);
        decided.Needed(plan.Expand(8)).Should().NotContain(p => p.ExperimentId == "M1" && p.Trial >= 3);
    }
}
