using LessData;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Tests.Sweeps;

public sealed class SweepPlanTests
{
    [Fact]
    public void PaperPlan_Has17CellsWithOneBaseline()
    {
        var cells = SweepPlans.Get("paper");

        cells.Should().HaveCount(17);
        cells.Count(c => c.Id == "Baseline").Should().Be(1);
        cells.Select(c => c.Id).Should().StartWith(["Baseline", "E1", "E2"]).And.EndWith(["C5", "C9"]);
        cells.Single(c => c.Id == "E7").Schedule.Spec.Should().Be("step:0.75@0.25");
        cells.Single(c => c.Id == "I50").Schedule.Spec.Should().Be("increment:0.5");
    }

    [Fact]
    public void EveryBuiltInPlan_IncludesTheBaseline()
    {
        foreach (var name in SweepPlans.Names)
            SweepPlans.Get(name).Should().Contain(SweepPlans.Baseline, name);
    }

    [Fact]
    public void Expand_SeedsDependOnTrialNotCell()
    {
        var runs = PlanExpansion.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", SweepProfiles.Get("cpu"), trials: 3, baseSeed: 10);

        runs.Should().HaveCount(5 * 3);
        runs.GroupBy(r => r.Trial).Select(g => g.Select(r => r.Seed).Distinct().Single()).Should().Equal(10, 11, 12);
        runs.Select(r => r.Key).Should().OnlyHaveUniqueItems();
        runs.Should().OnlyContain(r => r.Config.Experiment.Seed == r.Seed && r.Config.Experiment.Schedule.Spec == r.Spec);
    }

    [Fact]
    public void Expand_IsStable_SoTheStoreRecognisesTheSameRuns()
    {
        var a = PlanExpansion.Expand("paper-step", SweepPlans.Get("paper-step"), "cpu", SweepProfiles.Get("cpu"), 2, 1);
        var b = PlanExpansion.Expand("paper", SweepPlans.Get("paper"), "cpu", SweepProfiles.Get("cpu"), 2, 1);

        b.Select(r => r.Key).Should().Contain(a.Select(r => r.Key), "paper contains paper-step's runs, so a store shares them");
    }

    [Fact]
    public void PlanFile_UnknownKey_NamesFileAndIsRejected()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"cells": [{"id": "S", "spec": "step:0.5@0.5", "colour": "red"}]}""");
            var act = () => SweepPlans.Get(path);
            act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("colour");

            File.WriteAllText(path, """{"cells": [{"id": "S", "spec": "step:0.5@0.5", "selector": "random"}]}""");
            SweepPlans.Get(path).Select(c => c.Id).Should().Equal("Baseline", "S");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
