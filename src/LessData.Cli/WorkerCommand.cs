using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using LessData.Runs;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Cli;

/// <summary>
/// `lessdata worker`: claim a pending run from the store, train it, record it, repeat; exit 0 when nothing is left.
/// SIGTERM or SIGINT (scancel, a Slurm time limit, Ctrl-C) stops the training after the batch in hand, releases the
/// run (its last finished epoch's checkpoint is in the store; only the partial epoch is lost) and exits 0. A store that
/// is briefly unreachable is waited for (--store-patience); the run is never marked failed for it. Each run trains with
/// the recipe it was planned with (its config in the store); a worker's flags change only where and how it runs.
/// </summary>
public static class WorkerCommand
{
    /// <param name="seams">The node name and fault injector its runs use (<see cref="WorkerSeams.Production"/> when null; tests supply their own).</param>
    public static Command Create(WorkerSeams? seams = null)
    {
        var store = StoreOptions.Store();
        var lease = StoreOptions.Lease();
        var patience = StoreOptions.Patience();
        var maxRuns = new Option<int?>("--max-runs") { Description = "Stop after this many runs" };
        var maxTime = new Option<TimeSpan?>("--max-time") { Description = "Claim no new run after this time (hh:mm:ss)" };
        var device = SharedOptions.Device("cpu | cuda (default: each run's own)");
        var threads = SharedOptions.Threads("libtorch threads (default: each run's own)");
        var dataDir = SharedOptions.DataDir("Folder holding the datasets on this node");
        var convPath = SharedOptions.ConvPath(TrainOptions.ConvPathHelp + " (default: each run's own)");
        var command = new Command("worker", "Train runs from a shared store until none is pending (one Slurm array task). Each run trains with the recipe "
            + "it was planned with, as the store holds it; the flags here change only where and how it runs (environment: device, threads, data folder, kernels)")
        { store, lease, patience, maxRuns, maxTime, device, threads, dataDir, convPath };
        command.SetAction(parse =>
        {
            if (parse.GetValue(maxRuns) is < 1) throw new UserError("--max-runs must be at least 1");
            var dev = parse.GetValue(device);
            if (dev is not null and not ("cpu" or "cuda")) throw new UserError($"--device must be cpu or cuda (got '{dev}')");
            using var runs = StoreOptions.OpenExisting(parse.GetValue(store), parse.GetValue(lease));
            StoreOptions.Configure(runs, parse.GetValue(patience), m => Console.Error.WriteLine($"worker: {m}"));
            using var stop = new StopSignals(Say);
            seams ??= WorkerSeams.Production;
            var me = seams.OwnerName;
            Say($"worker {me} on {runs.Location} (lease {runs.Lease.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
            var limits = new SweepRunner.WorkerLimits(parse.GetValue(maxRuns), parse.GetValue(maxTime), WaitForOthers: true);
            try
            {
                var final = SweepRunner.Work(runs, null, limits,
                    (config, checkpoint, heartbeat, cancel) =>
                    {
                        var here = config with
                        {
                            Environment = config.Environment with
                            {
                                Device = dev ?? config.Environment.Device,
                                Threads = parse.GetValue(threads) ?? config.Environment.Threads,
                                DataDir = parse.GetValue(dataDir) ?? config.Environment.DataDir,
                                ConvolutionPath = parse.GetValue(convPath) ?? config.Environment.ConvolutionPath,
                            },
                        };
                        return RunPipeline.Run(here, null, heartbeat, cancel, checkpoint.Directory, CommandLine.Current(), checkpoint.Saved);
                    },
                    p => { if (p.Current is { } c) Say($"run: {c} ({p.Completed}/{p.Total} done)"); },
                    Say, stop.Token, seams);
                Say($"worker done: {final.Completed}/{final.Total} runs completed in the store");
                return 0;
            }
            catch (OperationCanceledException)
            {
                Say("worker stopped by signal");
                return 0;
            }
        });
        return command;
    }

    private static void Say(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {line}"));
}
