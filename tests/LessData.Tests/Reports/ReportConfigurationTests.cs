using LessData.Provenance;
using LessData.Reports;
using LessData.Runs;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Reports;

/// <summary>`report` compares only runs of one configuration, pairs them by seed, and names a missing Baseline.</summary>
public sealed class ReportConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-configs-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static IReadOnlyList<PlannedRun> Sweep(int epochs, int trials, int seed, string plan = "paper-increment") =>
        PlanExpansion.Expand(plan, SweepPlans.Get(plan), "cpu",
            SweepProfiles.Get("cpu") is var p ? p with { Experiment = p.Experiment with { Epochs = epochs } } : null!, trials, seed);

    /// <summary>Top-1 of a run: the epochs set the level (so mixing configurations would show), the cell a small offset.</summary>
    private static double Top1(ExperimentConfig e) => (e.Epochs == 12 ? 0.80 : 0.85) - (e.Schedule.Spec == "full" ? 0 : 0.004) + e.Seed * 0.001;

    private static void Complete(RunStore store, Func<TrainConfig, bool>? skip = null)
    {
        var me = RunOwner.Current();
        while (store.TryClaim(me) is { } claim)
        {
            if (skip?.Invoke(claim.Config) == true) { store.Fail(claim.Id, me, "skipped"); continue; }
            double top1 = Top1(claim.Config.Experiment);
            store.Complete(claim.Id, me, new RunRecord(claim.Config, new RunProvenance("t", new Dictionary<string, string>(), "m", "c"),
                [new EpochRecord(1, 1, 10, 10, 1, top1, 1, 0.001)], new RunTotals(10, 10, 11, top1, top1, 0, 0, "model:65W")));
        }
    }

    [Fact]
    public void Report_TwoSweepsAtDifferentEpochs_TwoTables_EachNamingWhatDiffers_PairedWithinItsOwn()
    {
        // Given one store with a 12-epoch and a 24-epoch sweep of the same plan and seeds
        string path = Path.Combine(_dir, "runs.db");
        using (var store = new SqliteRunStore(path))
        {
            store.Expand(Sweep(12, 2, 1));
            store.Expand(Sweep(24, 2, 1));
            Complete(store);
        }
        using var runs = new SqliteRunStore(path);
        var all = runs.ReadAll();

        // When it is reported
        var configurations = ReportConfiguration.Group(all);
        var rows = ReportTable.Build(all, 0.5);
        ReportBuilder.Write(all, Path.Combine(_dir, "report"), "cmd");
        var md = File.ReadAllText(Path.Combine(_dir, "report", "report.md"));

        // Then there are two tables, each headed by its epochs, each cell paired with its own Baseline
        configurations.Select(c => c.Differs).Should().BeEquivalentTo(["epochs 12", "epochs 24"]);
        md.Should().Contain("## fashion-mnist, profile cpu — epochs 12").And.Contain("## fashion-mnist, profile cpu — epochs 24");
        rows.Where(r => r.Id == "I25").Should().HaveCount(2).And.OnlyContain(r => r.Completed == 2 && r.Delta!.Trials == 2);
        rows.Where(r => r.Delta is not null).Should().OnlyContain(r => Math.Abs(r.Delta!.Mean - -0.4) < 1e-9,
            "each cell is 0.4 points below the Baseline of its own configuration and seed; a borrowed Baseline would be 5 points off");
    }

    [Fact]
    public void Report_PairsBySeed_NotByTrialNumber()
    {
        // Given a Baseline at seeds 1–2 and cells at seeds 2–3 (trial 0 of the second sweep has seed 2)
        string path = Path.Combine(_dir, "runs.db");
        using (var store = new SqliteRunStore(path))
        {
            store.Expand(Sweep(12, 2, 1).Where(r => r.ExperimentId == "Baseline"));
            store.Expand(Sweep(12, 2, 2).Where(r => r.ExperimentId == "I50"));
            Complete(store);
        }
        using var runs = new SqliteRunStore(path);

        var i50 = ReportTable.Build(runs.ReadAll(), 0.5).Single(r => r.Id == "I50");

        // Then only seed 2 is shared: one pair, with the difference of that seed
        i50.Delta!.Trials.Should().Be(1);
        i50.Delta.Mean.Should().BeApproximately(-0.4, 1e-9);
    }

    [Fact]
    public void Report_ConfigurationWithoutBaseline_IsNamed_NotBorrowed()
    {
        // Given a 12-epoch sweep with its Baseline and a 24-epoch sweep whose Baseline failed
        string path = Path.Combine(_dir, "runs.db");
        using (var store = new SqliteRunStore(path))
        {
            store.Expand(Sweep(12, 1, 1));
            store.Expand(Sweep(24, 1, 1));
            Complete(store, c => c.Experiment.Epochs == 24 && c.Experiment.Schedule.Spec == "full");
        }
        using var runs = new SqliteRunStore(path);
        var all = runs.ReadAll();

        ReportBuilder.Write(all, Path.Combine(_dir, "report"), "cmd");
        var md = File.ReadAllText(Path.Combine(_dir, "report", "report.md"));
        var rows24 = ReportConfiguration.Group(all).Where(c => c.Differs.Contains("24")).SelectMany(c => ReportTable.Build(c, 0.5)).ToList();

        rows24.Should().OnlyContain(r => r.Delta == null && r.Decision == null);
        md.Should().Contain("No completed Baseline in this configuration (fashion-mnist, profile cpu — epochs 24)");
    }

    [Fact]
    public void Sweep_WithASelector_KeepsTheBaselineAtRandom()
    {
        var profile = SweepProfiles.Get("cpu");
        var config = profile with { Experiment = profile.Experiment with { Selector = LessData.Selection.Selectors.Parse("loss") } };

        var planned = PlanExpansion.Expand("paper-increment", SweepPlans.WithBaseline(SweepPlans.Get("paper-increment")), "cpu", config, 1, 1);

        planned.Single(r => r.ExperimentId == "Baseline").Config.Experiment.Selector.Spec.Should().Be("random");
        planned.Where(r => r.ExperimentId != "Baseline").Should().OnlyContain(r => r.Config.Experiment.Selector.Spec.StartsWith("loss", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyOf_TheClockIsACellsChoice_TheScheduleShapeIsTheRecipes()
    {
        var cpu = SweepProfiles.Get("cpu").Experiment;

        ReportConfiguration.KeyOf(cpu with { LrClock = LrClockKind.Images, Schedule = LessData.Selection.Schedules.Parse("step:0.25@0.5") })
            .Should().Be(ReportConfiguration.KeyOf(cpu), "a reduced cell on the images clock pairs with the Baseline");
        ReportConfiguration.KeyOf(cpu with { LrSchedule = LrScheduleKind.Linear })
            .Should().NotBe(ReportConfiguration.KeyOf(cpu), "a linear schedule changes the Baseline as well");
    }

    [Fact]
    public void Report_TwoRecipesInOneStore_NeverPair_EachTableNamesItsRecipe()
    {
        // Given one store holding the same plan and seeds swept with two recipes (model and optimizer differ)
        string path = Path.Combine(_dir, "recipes.db");
        var cpu = SweepProfiles.Get("cpu");
        var other = cpu with { Experiment = cpu.Experiment with { Model = LessData.Models.ModelSpec.Parse("cnn"), Optimizer = OptimizerKind.Sgd } };
        using (var store = new SqliteRunStore(path))
        {
            store.Expand(PlanExpansion.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", cpu, 2, 1));
            store.Expand(PlanExpansion.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", other, 2, 1));
            Complete(store);
        }
        using var runs = new SqliteRunStore(path);
        var all = runs.ReadAll();

        // When it is grouped for the report
        var configurations = ReportConfiguration.Group(all);

        // Then two configurations of 10 runs each, none mixing models, each naming what sets it apart
        configurations.Should().HaveCount(2);
        configurations.Should().OnlyContain(c => c.Runs.Count == 10 && c.Runs.Select(r => r.Record!.Config.Experiment.Model).Distinct().Count() == 1);
        configurations.Select(c => c.Differs).Should().OnlyContain(d => d.Contains("model") && d.Contains("optimizer"));
    }
}
