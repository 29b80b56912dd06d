using System.CommandLine;
using LessData.Cli;
using LessData.Data;
using LessData.Store;
using LessData.Tests.Data;

namespace LessData.Tests.Cli;

public sealed class DemoTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Plan_AtLeastThreeTrials_EachTheBaselineAndEveryMethodOnTheTrialsSeed()
    {
        // Given the demo's runs
        var runs = DemoPlan.Runs();

        // Then there are ≥ 3 trials; in each, the baseline and every method share one seed (paired), and trials differ
        var trials = runs.GroupBy(r => r.Trial).ToList();
        trials.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var trial in trials)
        {
            trial.Select(r => r.ExperimentId).Should().BeEquivalentTo(["Baseline", .. DemoPlan.Methods.Select((_, i) => $"M{i + 1}")]);
            trial.Select(r => r.Config.Experiment.Seed).Distinct().Should().ContainSingle().Which.Should().Be(DemoPlan.Seed + trial.Key);
        }
        trials.Select(t => t.First().Seed).Should().OnlyHaveUniqueItems();
        runs.Select(r => r.Key).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Plan_MethodsDifferFromTheBaselineOnlyInScheduleAndSelector()
    {
        var plan = DemoPlan.Comparison();
        var baseline = plan.Baseline.Experiment;
        baseline.Schedule.Spec.Should().Be("full");
        baseline.Selector.IsRandom.Should().BeTrue();
        foreach (var method in plan.Methods)
        {
            var same = method.Experiment with { Schedule = baseline.Schedule, Selector = baseline.Selector };
            System.Text.Json.JsonSerializer.Serialize(same, LessData.Runs.RunOutputs.Json)
                .Should().Be(System.Text.Json.JsonSerializer.Serialize(baseline, LessData.Runs.RunOutputs.Json));
            method.Environment.Threads.Should().Be(1, "each worker trains with one libtorch thread");
            method.Experiment.LrSchedule.Should().Be(LessData.Training.LrScheduleKind.Cosine);
        }
    }

    [Fact]
    public void Budget_CountsImagesByEachMethodsFormula_AndFitsFourAndAHalfMinutesOnTwoWorkers()
    {
        // Given the demo: n = 1,600 training images, E = 12 epochs, a 500-image curve, the last epoch on all 10,000
        var budget = DemoBudget.Of(DemoPlan.Runs(), DemoPlan.Workers);

        // Then the trained images are each method's definition: full E·n; step:0.25@0.75 a quarter of n for
        // round(0.75·12) = 9 epochs, then n for 3; InfoBatch with target 0.75 trains 0.75·E·n
        const long n = 1600;
        long perTrial = 12 * n + (9 * (n / 4) + 3 * n) + 3 * 12 * n / 4;
        budget.TrainedImages.Should().Be(DemoPlan.Trials * perTrial);
        budget.EvaluatedImages.Should().Be(DemoPlan.Trials * 3 * (12 * 500 + 10_000L));
        budget.Runs.Should().Be(DemoPlan.Trials * 3);

        // And the estimate, by its definition (trained + evaluated / 3 over 2 × 550 img/s, + 3 s a run per worker, + 10 s), fits 4.5 min
        double seconds = (budget.TrainedImages + budget.EvaluatedImages / 3.0) / (2 * 550.0) + budget.Runs * 3.0 / 2 + 10;
        budget.Seconds.Should().BeApproximately(seconds, 1e-6);
        budget.Seconds.Should().BeLessThanOrEqualTo(4.5 * 60);
    }

    [Fact]
    public void Demo_FashionMnistNowhere_OneLineSayingToRunSetup_NothingCreated()
    {
        var outDir = Path.Combine(_fx.Root, "demo");
        var nowhere = new DataOptions { DataDir = _fx.Folder("empty"), SystemRoots = [], AllowDownload = false };

        var act = () => DemoCommand.Execute(outDir, null, DemoPlan.Workers, nowhere);

        act.Should().Throw<UserError>().Which.Message.Should()
            .StartWith("the demo needs Fashion-MNIST: not found in " + Path.Combine(_fx.Root, "empty")).And.Contain("scripts/setup").And.NotContain("\n");
        Directory.Exists(outDir).Should().BeFalse("the data is checked before anything is written");
    }

    [Fact]
    public void Demo_IncompleteDataDir_OneLineNamingTheMissingFiles_Exit2()
    {
        // Given a --data-dir whose fashion-mnist folder lacks the test split
        var folder = _fx.Folder("fashion-mnist");
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte"), DataFixtures.IdxImages(2));
        var outDir = Path.Combine(_fx.Root, "demo");

        var (exit, _, err) = CliHarness.Run([DemoCommand.Create()], ["demo", "--data-dir", _fx.Root, "--out", outDir]);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should()
            .StartWith("lessdata: the demo needs Fashion-MNIST:").And.Contain("missing").And.Contain("scripts/setup");
        Directory.Exists(outDir).Should().BeFalse();
    }

    [Fact]
    public void Demo_NoWorkers_OneLineBeforeAnything()
    {
        var outDir = Path.Combine(_fx.Root, "demo");

        var (exit, _, err) = CliHarness.Run([DemoCommand.Create()], ["demo", "--workers", "0", "--out", outDir]);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("--workers must be at least 1");
        Directory.Exists(outDir).Should().BeFalse();
    }

    [Fact]
    public void Workers_CommandLine_IsAWorkerCommandTheCliAccepts_WithOneThread()
    {
        var args = DemoWorkers.Arguments("/tmp/demo.db", "/data/sets");

        var parsed = CliApp.Root(WorkerSeams.Production).Parse([.. args]);

        parsed.Errors.Should().BeEmpty();
        parsed.CommandResult.Command.Name.Should().Be("worker");
        args.Should().ContainInConsecutiveOrder("--store", "/tmp/demo.db").And.ContainInConsecutiveOrder("--threads", "1")
            .And.ContainInConsecutiveOrder("--data-dir", "/data/sets");
    }

    [Theory]
    [InlineData(new string[0], "lessdata [command] [options]")]
    [InlineData(new[] { "demo" }, "lessdata demo [options]")]
    [InlineData(new[] { "sweep", "status" }, "lessdata sweep status [options]")]
    public void Help_UsageLineSaysLessdata(string[] command, string usage)
    {
        var output = new StringWriter();

        int exit = CliRunner.Invoke(CliApp.Root(WorkerSeams.Production), [.. command, "--help"], output, new StringWriter());

        exit.Should().Be(0);
        output.ToString().Should().Contain("Usage:").And.Contain(usage).And.NotContain("LessData.Cli");
    }

    [Fact]
    public void Version_StillAnswersOnTheRoot()
    {
        var output = new StringWriter();

        int exit = CliRunner.Invoke(CliApp.Root(WorkerSeams.Production), ["--version"], output, new StringWriter());

        exit.Should().Be(0);
        output.ToString().Trim().Should().NotBeEmpty();
    }
}
