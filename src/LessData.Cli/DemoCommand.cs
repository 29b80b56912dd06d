using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LessData.Benchmarks;
using LessData.Comparison;
using LessData.Data;
using LessData.Native;
using LessData.Runs;
using LessData.Store;

namespace LessData.Cli;

/// <summary>
/// `lessdata demo`: README command 1. Does training on less data keep the accuracy? The baseline against two reduced
/// methods (<see cref="DemoPlan"/>), 4 trials on shared seeds, trained by parallel one-thread `lessdata worker`
/// processes from a store under the output folder (a rerun resumes), then compare's table, paired CIs and verdicts.
/// Sized to finish in ≤ 6 minutes on 2 CPU cores (<see cref="DemoBudget"/>, docs/demo.md).
/// </summary>
public static class DemoCommand
{
    public const string StoreFile = "demo.db";

    public static Command Create()
    {
        var outDir = SharedOptions.Out("Where the store, the worker logs, the run folders and the summary go", Path.Combine("runs", "demo"));
        var dataDir = SharedOptions.DataDir("Folder holding Fashion-MNIST (else $LESSDATA_DATA, the user cache, /usr/share/datasets)");
        var workers = new Option<int>("--workers") { Description = "Parallel worker processes, one libtorch thread each (the demo is sized for 2)", DefaultValueFactory = _ => DemoPlan.Workers };
        var command = new Command("demo", "Does less data keep the accuracy? The baseline against two reduced methods, 4 trials on parallel workers, verdicts in ≤ 6 minutes on 2 cores")
            { outDir, dataDir, workers };
        command.SetAction(parse => Execute(parse.GetValue(outDir)!, parse.GetValue(dataDir), parse.GetValue(workers)));
        return command;
    }

    /// <param name="data">Where to look for Fashion-MNIST (default: --data-dir, then the usual places); tests supply their own.</param>
    public static int Execute(string outDir, string? dataDir, int workerCount, DataOptions? data = null)
    {
        var clock = Stopwatch.StartNew();
        if (workerCount < 1) throw new UserError($"--workers must be at least 1 (got {workerCount})");
        CheckData(data ?? DataOptions.FromEnvironment(dataDir));
        var plan = DemoPlan.Comparison(dataDir);
        var planned = plan.Expand(DemoPlan.Trials);
        foreach (var c in plan.Methods.Prepend(plan.Baseline)) RunPipeline.Validate(c);
        PrintSetup(DemoBudget.Of(planned, workerCount), workerCount);

        RunOutputs.CheckWritable(outDir);
        Directory.CreateDirectory(outDir);
        var storePath = Path.GetFullPath(Path.Combine(outDir, StoreFile));
        using var store = RunStore.Open(storePath);
        store.Expand(planned);
        int retried = store.RetryFailed();
        var keys = planned.Select(p => p.Key).ToList();
        int reused = store.Counts(keys)[RunStatus.Completed];
        if (reused > 0 || retried > 0)
            Console.WriteLine($"demo: resuming from {storePath}: {reused}/{planned.Count} runs already done{(retried > 0 ? $", {retried} failed run(s) put back to pending" : "")}");

        using var stop = new StopSignals();
        if (reused < planned.Count)
        {
            using var workers = DemoWorkers.Start(workerCount, storePath, dataDir, outDir);
            Console.WriteLine($"demo: {workerCount} workers started (lessdata {string.Join(' ', DemoWorkers.Arguments(storePath, dataDir))}); their logs: {Path.Combine(outDir, "worker-N.log")}");
            DemoProgress.Watch(store, planned, () => workers.AllExited || workers.Failed().Count > 0, stop.Token);
            if (stop.Token.IsCancellationRequested)
            {
                workers.Stop(groupSignalled: stop.Received == PosixSignal.SIGINT);
                Console.WriteLine($"demo: stopped; {store.Counts(keys)[RunStatus.Completed]}/{planned.Count} runs done, kept in {storePath} (a run in hand keeps its last finished epoch); run ./lessdata demo again to resume.");
                return stop.ExitCode;
            }
            if (workers.Failed() is [var failed, ..])
            {
                workers.Stop(groupSignalled: false);
                throw new UserError($"demo worker {failed.Number} stopped with exit code {failed.ExitCode}: {failed.LastError ?? "no message"} (its log: {failed.Log})");
            }
        }
        if (store.Counts(keys)[RunStatus.Failed] > 0) throw new UserError(FailedRuns.Describe(store, planned, "demo"));
        var completed = store.Completed(keys);
        foreach (var p in planned)
        {
            var folder = Path.Combine(outDir, CompareCommand.Folder(p.Config, plan.Baseline));
            Directory.CreateDirectory(folder);
            RunOutputs.Write(folder, completed[p.Key]);
        }
        var rule = plan.Rule(DemoPlan.Margin);
        CompareCommand.Report(plan.Rows(planned, completed, rule, FinalTop1Reading.FullData), rule, completed[planned[0].Key], FinalTop1Reading.FullData, outDir, storePath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demo: {DemoProgress.Clock(clock.Elapsed)} wall ({planned.Count - reused} runs trained now, {reused} reused from the store); {workerCount} workers × {DemoPlan.ThreadsPerWorker} thread; CPU: {BenchSuite.CpuModel}, {Environment.ProcessorCount} cores"));
        return 0;
    }

    /// <summary>Fashion-MNIST must be there and parse before anything starts: else one line saying how to get it (the demo never downloads).</summary>
    public static void CheckData(DataOptions options)
    {
        var status = DatasetStatus.Inspect("fashion-mnist", options);
        if (status.Ok) return;
        var searched = options.SearchOrder;
        string problem = status.Folder is null && status.Source == "not found" ? $"not found in {string.Join(", ", searched)}" : status.Verify;
        throw new UserError($"the demo needs Fashion-MNIST: {problem}; run scripts/setup (it installs Debian's dataset-fashion-mnist) or pass --data-dir FOLDER");
    }

    private static void PrintSetup(DemoBudget budget, int workers)
    {
        var b = DemoPlan.Baseline(null).Experiment;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LessData demo: does training on less data keep the accuracy? {b.Dataset}, {b.Model}, {b.Epochs} epochs on {b.TrainLimit:N0} training images in batches of {b.BatchSize}, cosine learning rate, final top-1 on all {DemoPlan.TestImages:N0} test images."));
        Console.WriteLine("  full data (baseline)  vs  step:0.25@0.75 (Data Step, the paper's E3: 25% of the images for 9 epochs, then all)"
            + "  vs  infobatch:target=0.75 (InfoBatch: leaves out well-learned images, 75% of the images in all)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {DemoPlan.Trials} trials (seeds {DemoPlan.Seed}–{DemoPlan.Seed + DemoPlan.Trials - 1}, shared by the methods, so each Δ is paired) × 3 = {budget.Runs} runs on {workers} workers × {DemoPlan.ThreadsPerWorker} thread; verdict margin {DemoPlan.Margin:0.#} points (4 trials cannot decide 0.5)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sized for ≤ 6 min on 2 cores (the cpu profile's 6,000 images shrunk to {b.TrainLimit:N0}, its batch of 120 to {b.BatchSize} for as many steps): {budget.Describe()}"));
    }
}
