using System.Text.Json.Nodes;
using LessData.Cli;
using LessData.Sweeps;
using LessData.Tests.Data.Folders;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Cli;

/// <summary>
/// `sweep` takes the full recipe: the profile is a named recipe, a plan file's recipe applies over it and the flags
/// given apply over both (profile &lt; plan recipe &lt; flags). Checked on the runs planned into the store
/// (--slurm-dry-run: planned, not trained).
/// </summary>
/// <remarks>Serial: these commands print through Console, which the tests redirect.</remarks>
[Collection(SerialCollection.Name)]
public sealed class SweepRecipeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-sweep-recipe-").FullName;
    private readonly FolderFixture _fx = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        _fx.Dispose();
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([SweepCommand.Create(), WorkerCommand.Create()], args, captureConsole: true);

    /// <summary>(experiment id, trial) → the planned run's key and config, as the store holds them.</summary>
    private static Dictionary<(string Id, int Trial), (string Key, JsonObject Config)> Planned(string store)
    {
        using var c = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var q = c.CreateCommand();
        q.CommandText = "SELECT experiment, trial, key, config FROM runs";
        using var r = q.ExecuteReader();
        var runs = new Dictionary<(string, int), (string, JsonObject)>();
        while (r.Read()) runs[(r.GetString(0), r.GetInt32(1))] = (r.GetString(2), JsonNode.Parse(r.GetString(3))!.AsObject());
        return runs;
    }

    private (int Exit, string Out, string Err, Dictionary<(string Id, int Trial), (string Key, JsonObject Config)> Runs) Plan(params string[] args)
    {
        var store = Path.Combine(_dir, Guid.NewGuid().ToString("N")[..8] + ".db");
        var (exit, output, err) = Run(["sweep", "--store", store, "--slurm-dry-run", .. args]);
        return (exit, output, err, exit == 0 ? Planned(store) : []);
    }

    private string PlanFile(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Sweep_PaperPlanCpuProfile_PlansTheKeysOfTheCommittedStore()
    {
        // Given the keys of runs in docs/results/fashion-mnist-cpu-12ep.db (sqlite3: SELECT key FROM runs WHERE …),
        // planned by `sweep --plan paper --profile cpu --dataset fashion-mnist --trials 5` before recipes existed
        // When the same sweep is planned now
        var (exit, _, err, runs) = Plan("--plan", "paper", "--profile", "cpu", "--dataset", "fashion-mnist", "--trials", "5", "--threads", "1");

        // Then its runs are the stored runs: the same 85 keys, so the committed store resumes as complete
        exit.Should().Be(0, err);
        runs.Should().HaveCount(85);
        runs[("Baseline", 0)].Key.Should().Be("0368765a865565c6961f9e24d4acea4b5e938639487d390f2b38afac675eec43");
        runs[("Baseline", 4)].Key.Should().Be("571320b37f2a0ace4799d69b2f4485361e86f01529f778c8f3d3d7516f6c4baf");
        runs[("E2", 0)].Key.Should().Be("5e7459f62f3e96c8f226ba0e276b4f2afdee2a17819da5ebbf436085b92ce5c7");
        runs[("C5", 4)].Key.Should().Be("cfdd95a40622fac0192e5d547b4631cfb8192872fda9f8d66f0e302d336aea3a");
    }

    [Fact]
    public void Sweep_FlagsGiven_OverrideTheProfile_OthersKeepIt()
    {
        // When the cpu profile is swept with two recipe flags changed
        var (exit, _, err, runs) = Plan("--plan", "paper-cut", "--trials", "1", "--profile", "cpu", "--model", "cnn", "--lr-schedule", "linear");

        // Then every run has those two settings and the cpu profile's others (epochs, limits, optimizer, threads)
        exit.Should().Be(0, err);
        runs.Should().HaveCount(5);
        foreach (var (_, config) in runs.Values)
        {
            var e = config["experiment"]!;
            ((string?)e["model"]).Should().Be("cnn");
            ((string?)e["lrSchedule"]).Should().Be("linear");
            ((int)e["epochs"]!).Should().Be(SweepProfiles.CpuEpochs);
            ((int)e["trainLimit"]!).Should().Be(SweepProfiles.CpuTrainLimit);
            ((string?)e["optimizer"]).Should().Be("adam");
            ((double)e["learningRate"]!).Should().Be(0.001);
            ((int)config["environment"]!["threads"]!).Should().Be(2);
        }
    }

    [Fact]
    public void Sweep_PlanRecipe_AppliesOverTheProfile_AndTheFlagsOverIt()
    {
        // Given a plan whose recipe sets the model, lr, epochs and clears the profile's training limit
        var plan = PlanFile("""{"recipe": {"model": "cnn", "lr": 0.01, "epochs": 8, "trainLimit": null, "optimizer": "sgd"}, "cells": [{"id": "S", "spec": "step:0.5@0.5"}]}""");

        // When it is swept with the cpu profile and --lr and --epochs given
        var (exit, _, err, runs) = Plan("--plan", plan, "--trials", "1", "--profile", "cpu", "--lr", "0.05", "--epochs", "4");

        // Then profile < plan recipe < flags: the flags' lr and epochs, the plan's model, optimizer and (no) limit,
        // the profile's batch size and test limit
        exit.Should().Be(0, err);
        runs.Keys.Select(k => k.Id).Should().BeEquivalentTo(["Baseline", "S"]);
        foreach (var (_, config) in runs.Values)
        {
            var e = config["experiment"]!;
            ((double)e["learningRate"]!).Should().Be(0.05);
            ((int)e["epochs"]!).Should().Be(4);
            ((string?)e["model"]).Should().Be("cnn");
            ((string?)e["optimizer"]).Should().Be("sgd");
            e["trainLimit"].Should().BeNull();
            ((int)e["batchSize"]!).Should().Be(120);
            ((int)e["testLimit"]!).Should().Be(SweepProfiles.CpuTestLimit);
        }
    }

    [Fact]
    public void Sweep_PlanRecipeWithoutFlags_IsTheRecipeOfEveryRun_AndADifferentRunFromTheProfiles()
    {
        var plan = PlanFile("""{"recipe": {"lrClock": "images", "lrSchedule": "cosine"}, "cells": [{"id": "E2", "spec": "step:0.25@0.5"}]}""");
        var (exit, _, err, runs) = Plan("--plan", plan, "--trials", "1");
        var (_, _, _, plain) = Plan("--plan", "paper-step", "--trials", "1");

        exit.Should().Be(0, err);
        ((string?)runs[("E2", 0)].Config["experiment"]!["lrClock"]).Should().Be("images");
        ((string?)runs[("Baseline", 0)].Config["experiment"]!["lrSchedule"]).Should().Be("cosine");
        runs[("E2", 0)].Key.Should().NotBe(plain[("E2", 0)].Key, "another recipe is another run");
    }

    [Theory]
    [InlineData("""{"learningRate": 0.1}""", "unknown recipe key 'learningRate'")]
    [InlineData("""{"epochs": "12"}""", "recipe key 'epochs' takes a whole number")]
    [InlineData("""{"model": "vgg"}""", "recipe key 'model'")]
    [InlineData("""{"lrSchedule": "step"}""", "recipe key 'lrSchedule'")]
    public void Sweep_BadPlanRecipe_OneLineNamingTheFileAndKey_NothingPlanned(string recipe, string message)
    {
        var plan = PlanFile($$"""{"recipe": {{recipe}}, "cells": [{"id": "S", "spec": "step:0.5@0.5"}]}""");
        var store = Path.Combine(_dir, "bad.db");

        var (exit, _, err) = Run("sweep", "--plan", plan, "--trials", "1", "--store", store, "--slurm-dry-run");

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(plan).And.Contain(message).And.NotContain("   at ");
        File.Exists(store).Should().BeFalse("the recipe is checked before the store is opened");
    }

    [Fact]
    public void Sweep_ResNet20SgdOnAFolder_SlurmDryRun_TheStoreCarriesTheRecipeForTheWorkers()
    {
        // Given a folder of grey 8×8 PNGs (2 classes, train/ and test/)
        var root = _fx.SplitFolders(train: 4);
        var store = Path.Combine(_dir, "folder.db");

        // When the paper's Step plan is planned for ResNet-20 with SGD and one-cycle on it, as a Slurm array
        var (exit, output, err) = Run("sweep", "--model", "resnet20", "--optimizer", "sgd", "--lr", "0.1", "--lr-schedule", "onecycle",
            "--dataset", "folder:" + root, "--plan", "paper-step", "--epochs", "1", "--train-limit", "8", "--trials", "1",
            "--store", store, "--slurm-dry-run", "--slurm-tasks", "2");

        // Then the 10 runs are in the store with that recipe, and the script's workers take the store and no recipe flag
        exit.Should().Be(0, err);
        output.Should().Contain("10 runs planned (10 new)");
        var runs = Planned(store);
        runs.Should().HaveCount(10);
        foreach (var (_, config) in runs.Values)
        {
            var e = config["experiment"]!;
            ((string?)e["dataset"]).Should().Be("folder:" + root);
            ((string?)e["model"]).Should().Be("resnet20");
            ((string?)e["optimizer"]).Should().Be("sgd");
            ((string?)e["lrSchedule"]).Should().Be("onecycle");
            ((double)e["learningRate"]!).Should().Be(0.1);
        }
        var script = File.ReadAllText(Directory.GetFiles(store + ".slurm", "*.sbatch").Should().ContainSingle().Subject);
        script.Should().Contain("'worker'").And.Contain(store).And.NotContain("'--model'").And.NotContain("'--optimizer'");
    }

    [Fact]
    public void Sweep_FolderWithTheCpuProfile_DryRun_PlansTheWholeFolder_SizedByItsFiles()
    {
        // Given a folder whose training split holds 2 classes × 5 images (far fewer than the cpu profile's 6,000 / 2,000)
        var root = _fx.SplitFolders(train: 5);

        // When a sweep is planned on it with the cpu profile
        var (exit, output, err) = Run("sweep", "--dataset", "folder:" + root, "--plan", "paper-cut", "--model", "cnn", "--epochs", "2", "--trials", "1", "--dry-run");
        var (_, _, _, runs) = Plan("--dataset", "folder:" + root, "--plan", "paper-cut", "--trials", "1");

        // Then it plans without a limit (the profile's limits are for the built-in datasets), and the folder's file count sizes it
        exit.Should().Be(0, err);
        output.Should().Contain("5 runs; nothing was run");
        runs.Values.Should().OnlyContain(r => r.Config["experiment"]!["trainLimit"] == null && r.Config["experiment"]!["testLimit"] == null);
        LessData.Store.PlannedRun.TrainSize(new LessData.Training.ExperimentConfig { Dataset = LessData.Data.DatasetSpec.Parse("folder:" + root) }).Should().Be(10);
    }

    [Fact]
    public void Sweep_ResNet20OnAFolder_RunsHere_AndTheWorkerFindsNothingLeft()
    {
        // Given a folder of grey 12×12 PNGs and a plan of the Baseline and one Step cell
        var root = _fx.SplitFolders(train: 4, size: 12);
        var plan = PlanFile("""{"cells": [{"id": "S", "spec": "step:0.5@0.5"}]}""");
        var store = Path.Combine(_dir, "local.db");

        // When it is swept here for one epoch of ResNet-20 with SGD and one-cycle, then a worker is started on the store
        var sweep = Run("sweep", "--model", "resnet20", "--optimizer", "sgd", "--lr", "0.1", "--lr-schedule", "onecycle", "--dataset", "folder:" + root,
            "--plan", plan, "--epochs", "1", "--batch-size", "4", "--trials", "1", "--threads", "1", "--store", store);
        var worker = Run("worker", "--store", store, "--threads", "1");

        // Then both runs completed with that recipe
        sweep.Exit.Should().Be(0, sweep.Err);
        sweep.Out.Should().Contain("sweep finished: 2 completed, 0 failed");
        worker.Exit.Should().Be(0, worker.Err);
        worker.Out.Should().Contain("worker done: 2/2");
        Planned(store).Values.Should().OnlyContain(r => (string?)r.Config["experiment"]!["model"] == "resnet20");
    }

    [Fact]
    public void PlanRecipe_EveryKey_IsARecipeFlagOfTrain_InCamelCase()
    {
        var flags = TrainCommand.Create().Options.Select(o => o.Name).ToHashSet();

        foreach (var key in PlanRecipe.Keys)
            flags.Should().Contain("--" + string.Concat(key.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())), key);
    }
}
