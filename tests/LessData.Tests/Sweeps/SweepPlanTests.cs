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

    [Fact]
    public void PlanFile_CellOverridesTheLearningRate_OthersKeepTheRecipes()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"cells": [{"id": "E2i", "spec": "step:0.25@0.5", "lrClock": "images", "lrSchedule": "linear"}, {"id": "E2", "spec": "step:0.25@0.5"}]}""");
            var runs = PlanExpansion.Expand("file", SweepPlans.Get(path), "cpu", SweepProfiles.Get("cpu"), 1, 1);

            var e2i = runs.Single(r => r.ExperimentId == "E2i").Config.Experiment;
            e2i.LrClock.Should().Be(LrClockKind.Images);
            e2i.LrSchedule.Should().Be(LrScheduleKind.Linear);
            runs.Single(r => r.ExperimentId == "E2i").Spec.Should().Contain("images clock");
            var e2 = runs.Single(r => r.ExperimentId == "E2");
            e2.Config.Experiment.LrClock.Should().Be(LrClockKind.Epochs);
            e2.Key.Should().Be(PlanExpansion.Expand("paper", SweepPlans.Get("paper"), "cpu", SweepProfiles.Get("cpu"), 1, 1).Single(r => r.ExperimentId == "E2").Key,
                "a cell without overrides is the same run as the built-in plan's, so stores share it");

            File.WriteAllText(path, """{"cells": [{"id": "X", "spec": "step:0.25@0.5", "lrClock": "hours"}]}""");
            var act = () => SweepPlans.Get(path);
            act.Should().Throw<UserError>().Which.Message.Should().Contain(path).And.Contain("X").And.Contain("hours");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CpuProfile_PaperPlan_KeysAreThoseOfTheCommittedStore()
    {
        // Given keys read with sqlite3 from docs/results/fashion-mnist-cpu-12ep.db (the stored runs define them)
        // When the paper plan is expanded with the cpu profile
        var runs = PlanExpansion.Expand("paper", SweepPlans.Get("paper"), "cpu", SweepProfiles.Get("cpu"), 5, 1);

        // Then each run has its stored key: the recipe refactor renamed no run
        runs.Single(r => r.ExperimentId == "Baseline" && r.Trial == 0).Key.Should().Be("0368765a865565c6961f9e24d4acea4b5e938639487d390f2b38afac675eec43");
        runs.Single(r => r.ExperimentId == "E2" && r.Trial == 4).Key.Should().Be("0585743df0218c7d4d108aad2d3ac7a382147cbdb53a1da7e9436eee92671416");
        runs.Single(r => r.ExperimentId == "C5" && r.Trial == 0).Key.Should().Be("06d6b63b361604f5ff5d020b849ca6228c09700396f31246cc3f882ab358a1cc");
    }

    [Fact]
    public void PlanFile_WithoutRecipe_LeavesTheProfile_BuiltInPlansToo()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"cells": [{"id": "S", "spec": "step:0.5@0.5"}]}""");
            var cpu = SweepProfiles.Get("cpu").Experiment;

            SweepPlans.WithRecipe(path, cpu).Should().Be(cpu);
            SweepPlans.WithRecipe("paper", cpu).Should().Be(cpu);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
