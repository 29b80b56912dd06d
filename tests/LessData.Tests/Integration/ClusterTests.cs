using System.Globalization;
using LessData.Provenance;
using LessData.Runs;
using LessData.Store;
using LessData.Training;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LessData.Tests.Integration;

/// <summary>
/// Against a real PostgreSQL and a real single-node Slurm (started by scripts/cluster; .ci/run does it): sweeps
/// through job arrays, workers killed with SIGKILL at chosen points, scancel, a database restart, and eight workers
/// racing. Runs are tiny (hvc-small, 240 training and 200 test images, 1–3 epochs). Run as `.ci/run`.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SerialCollection.Name)]
public sealed class ClusterTests : IDisposable
{
    /// <summary>Per command. Unloaded these take ~2 min; 10 leaves room for a machine shared with other work (a 4-minute bound failed under one busy core).</summary>
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-it-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string[] Tiny(string plan, int trials, int epochs, int train = 240, int test = 200) =>
        ["--plan", plan, "--profile", "cpu", "--dataset", "fashion-mnist", "--trials", trials.ToString(CultureInfo.InvariantCulture),
         "--train-limit", train.ToString(CultureInfo.InvariantCulture), "--test-limit", test.ToString(CultureInfo.InvariantCulture), "--epochs", epochs.ToString(CultureInfo.InvariantCulture)];

    /// <summary>Plans a sweep into a store without running it (the --slurm-dry-run path).</summary>
    private void Plan(string store, string[] sweep)
    {
        var (code, output) = CliProcess.Run(["sweep", .. sweep, "--store", store, "--slurm-dry-run", "--slurm-dir", Path.Combine(_dir, "slurm")], Long);
        code.Should().Be(0, output);
    }

    private static Dictionary<string, double> Top1(RunStore store) =>
        store.ReadAll().Where(r => r.Record is not null).ToDictionary(r => $"{r.ExperimentId}/{r.Trial}", r => r.Record!.Totals.Top1);

    private static void EveryRunCompletedOnce(TestDatabase db, RunStore store, int runs)
    {
        var counts = store.Counts();
        counts[RunStatus.Completed].Should().Be(runs, "0 runs lost");
        db.Count("SELECT COUNT(*) FROM duplicate_results").Should().Be(0, "0 runs duplicated");
        var completions = store.ClaimLog().Where(e => e.Event == "complete").GroupBy(e => e.RunId).ToList();
        completions.Should().HaveCount(runs).And.OnlyContain(g => g.Count() == 1, "each run completed exactly once");
    }

    [Fact]
    public void SlurmSweep_OnPostgres_MatchesSqlite_RerunElsewhereTrainsNothing_CopyRoundTrips()
    {
        // Given a 12-run sweep (paper-increment: 4 cells × 3 trials)
        using var db = new TestDatabase();
        var sweep = Tiny("paper-increment", trials: 3, epochs: 1);
        var sqlite = Path.Combine(_dir, "local.db");

        // When it runs through Slurm (3 array tasks) on PostgreSQL, and at the same time locally on SQLite
        using var local = new CliProcess(["sweep", .. sweep, "--store", sqlite]);
        var (code, output) = CliProcess.Run(["sweep", .. sweep, "--store", db.Url, "--slurm", "--slurm-tasks", "3", "--slurm-wait",
            "--slurm-dir", Path.Combine(_dir, "slurm")], Long);
        code.Should().Be(0, output);
        output.Should().MatchRegex(@"submitted job \d+: 3 array tasks; script .*\.sbatch");
        local.Exit(Long).Should().Be(0, local.Output);

        // Then every run completed once on PostgreSQL, with the same top-1 as on SQLite
        using (var pg = db.Open())
        using (var onSqlite = new SqliteRunStore(sqlite))
        {
            EveryRunCompletedOnce(db, pg, 12);
            Top1(pg).Should().HaveCount(12).And.BeEquivalentTo(Top1(onSqlite));
            pg.ClaimLog().Where(e => e.Event is "claim" or "reclaim").Select(e => e.Owner).Distinct().Count().Should().BeGreaterThan(1, "several array tasks took runs");
        }

        // And the report works on PostgreSQL
        var (reportCode, reportOutput) = CliProcess.Run(["report", "--store", db.Url, "--out", Path.Combine(_dir, "report-pg")], Long);
        reportCode.Should().Be(0, reportOutput);
        File.Exists(Path.Combine(_dir, "report-pg", "report.md")).Should().BeTrue();

        // And the same sweep again with another --data-dir and --threads trains nothing new, on both stores
        foreach (var store in new[] { db.Url, sqlite })
        {
            var (again, againOutput) = CliProcess.Run(["sweep", .. sweep, "--store", store, "--data-dir", "/usr/share/datasets", "--threads", "1"], Long);
            again.Should().Be(0, againOutput);
            againOutput.Should().Contain("12 completed").And.NotContain("now fashion-mnist");
            using var check = RunStore.Open(store);
            check.Counts().Values.Sum().Should().Be(12, "the rerun added no runs");
        }

        // And SQLite → PostgreSQL → SQLite round-trips every table, and the reports' tables are identical
        using var copy = new TestDatabase();
        var back = Path.Combine(_dir, "back.db");
        CliProcess.Run(["store", "copy", sqlite, copy.Url], Long).Code.Should().Be(0);
        CliProcess.Run(["store", "copy", copy.Url, back], Long).Code.Should().Be(0);
        using (var a = new SqliteRunStore(sqlite))
        using (var b = new SqliteRunStore(back))
            foreach (var (table, columns) in RunStoreSchema.Tables)
                b.ReadTable(table, columns).Should().BeEquivalentTo(a.ReadTable(table, columns), o => o.WithStrictOrdering(), table);
        CliProcess.Run(["report", "--store", sqlite, "--out", Path.Combine(_dir, "report-a")], Long).Code.Should().Be(0);
        CliProcess.Run(["report", "--store", back, "--out", Path.Combine(_dir, "report-b")], Long).Code.Should().Be(0);
        foreach (var csv in Directory.GetFiles(Path.Combine(_dir, "report-a"), "*.csv"))
            File.ReadAllText(Path.Combine(_dir, "report-b", Path.GetFileName(csv))).Should().Be(File.ReadAllText(csv), Path.GetFileName(csv));
    }

    [Fact]
    public void Kill9_AtFourPoints_IncludingACheckpointWrite_LosesNothing_DuplicatesNothing()
    {
        // Given 5 two-epoch runs and a short lease
        using var db = new TestDatabase();
        Plan(db.Url, Tiny(Cells(5), 1, epochs: 2));
        var lease = new Dictionary<string, string> { ["LESSDATA_LEASE_SECONDS"] = "4" };

        // When four workers, each on a "node" of its own, are killed with SIGKILL at four points of a run
        string[] points = ["claimed", "checkpoint-write", "checkpoint-write:2", "before-complete"];
        int kills = 0;
        foreach (var point in points)
        {
            using var victim = new CliProcess(["worker", "--store", db.Url],
                new Dictionary<string, string>(lease) { ["LESSDATA_FAULT_PAUSE"] = point, ["LESSDATA_HOST"] = $"node-{kills}" }, CliProcess.FaultHostDll);
            victim.WaitForLine("^fault-pause: " + point.Split(':')[0], Long).Should().BeTrue(victim.Output);
            victim.KillHard();
            kills++;
        }
        using (var store = db.Open()) store.Counts()[RunStatus.Running].Should().BeGreaterThan(0, "killed workers left runs claimed");

        // And two fresh workers (another node: they can only wait for the leases to expire) run to the end
        using var a = new CliProcess(["worker", "--store", db.Url], lease);
        using var b = new CliProcess(["worker", "--store", db.Url], lease);
        a.Exit(Long).Should().Be(0, a.Output);
        b.Exit(Long).Should().Be(0, b.Output);

        // Then all 5 runs completed exactly once; the 4 killed runs were re-claimed
        kills.Should().Be(4);
        using var check = db.Open();
        EveryRunCompletedOnce(db, check, 5);
        check.ClaimLog().Count(e => e.Event == "reclaim").Should().BeGreaterThanOrEqualTo(4);
        check.ReadAll().Should().OnlyContain(r => r.Record!.Epochs.Count == 2);
    }

    /// <summary>A plan file with n distinct cells (Data Step with different fractions).</summary>
    private string Cells(int n)
    {
        var path = Path.Combine(_dir, $"plan-{n}.json");
        var cells = Enumerable.Range(0, n - 1).Select(i => $$"""{"id": "S{{i}}", "spec": "step:{{(0.1 + 0.1 * i).ToString("0.0", CultureInfo.InvariantCulture)}}@0.5"}""");
        File.WriteAllText(path, $$"""{"cells": [{{string.Join(", ", cells)}}]}""");
        return path;
    }

    /// <summary>Slurm's KillWait in scripts/cluster (and Slurm's default): SIGKILL comes this long after SIGTERM.</summary>
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(30);

    [Fact]
    public void Scancel_MidEpoch_ReleasesTheRunWithinKillWait_AndItResumesElsewhere()
    {
        // Given a one-task job array on two 2-epoch runs, with epochs long enough (3000 images) to cancel inside one
        using var db = new TestDatabase();
        var slurmDir = Path.Combine(_dir, "slurm");
        var (code, output) = CliProcess.Run(["sweep", .. Tiny(Cells(2), 1, epochs: 2, train: 3000), "--store", db.Url, "--slurm", "--slurm-tasks", "1", "--slurm-dir", slurmDir], Long);
        code.Should().Be(0, output);
        var job = System.Text.RegularExpressions.Regex.Match(output, @"submitted job (\d+)").Groups[1].Value;
        File.ReadAllText(Directory.GetFiles(slurmDir, "*.sbatch").Single()).Should().Contain("#SBATCH --signal=B:TERM@");

        // When the task is cancelled just after its run finished epoch 1, i.e. early in epoch 2
        int? epochAtCancel = null;
        using (var store = db.Open())
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (epochAtCancel is null && watch.Elapsed < Long)
            {
                epochAtCancel = store.Activity().FirstOrDefault(r => r.Status == RunStatus.Running && r.Epoch >= 1)?.Epoch;
                if (epochAtCancel is null) Thread.Sleep(100);
            }
        }
        epochAtCancel.Should().Be(1);
        CliProcess.Shell("scancel", job).Code.Should().Be(0);
        var ended = System.Diagnostics.Stopwatch.StartNew();
        while (CliProcess.Shell("squeue", "-h", "-j", job).Output.Trim().Length > 0 && ended.Elapsed < Long) Thread.Sleep(200);

        // Then the worker caught SIGTERM mid-epoch and released its run before SIGKILL could come, keeping epoch 1's checkpoint
        ended.Elapsed.Should().BeLessThan(KillWait, "the worker stops after its batch in hand, not at the end of the epoch");
        var log = string.Join('\n', Directory.GetFiles(slurmDir, $"*{job}_0.out").Select(File.ReadAllText));
        log.Should().Contain("SIGTERM").And.Contain("lease released, checkpoint kept");
        using (var store = db.Open())
        {
            store.Counts()[RunStatus.Running].Should().Be(0);
            store.Counts()[RunStatus.Completed].Should().Be(0, "epoch 2 was abandoned, not finished");
            db.Count("SELECT COUNT(*) FROM checkpoints").Should().Be(1);
            db.Count("SELECT MAX(epoch) FROM checkpoints").Should().Be(1, "only the partial epoch 2 was lost");
        }

        // And a worker elsewhere resumes it and finishes everything, once
        using var other = new CliProcess(["worker", "--store", db.Url], new Dictionary<string, string> { ["LESSDATA_HOST"] = "elsewhere" }, CliProcess.FaultHostDll);
        other.Exit(Long).Should().Be(0, other.Output);
        other.Output.Should().Contain("resumed");
        using var check = db.Open();
        EveryRunCompletedOnce(db, check, 2);
        check.ClaimLog().Should().Contain(e => e.Event == "release").And.Contain(e => e.Event == "reclaim" && e.Owner.StartsWith("elsewhere/", StringComparison.Ordinal));
    }

    /// <summary>How long PostgreSQL stays down mid-run in <see cref="PostgresDown_MidRun_TheRunWaitsAndCompletes_NeverFailed"/>.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("LESSDATA_TEST_OUTAGE_SECONDS") ?? "60", CultureInfo.InvariantCulture));

    [Fact]
    public void PostgresDown_MidRun_TheRunWaitsAndCompletes_NeverFailed()
    {
        // Given a worker with a short lease (its keeper beats every few seconds) training two 2-epoch runs
        using var db = new TestDatabase();
        Plan(db.Url, Tiny(Cells(2), 1, epochs: 2, train: 1000));
        using var worker = new CliProcess(["worker", "--store", db.Url, "--lease", "10"]);
        using (var store = db.Open())
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!store.Activity().Any(r => r.Status == RunStatus.Running && r.Epoch >= 1) && watch.Elapsed < Long) Thread.Sleep(100);
        }
        NpgsqlConnection.ClearAllPools();

        // When PostgreSQL is stopped mid-run for a minute, then started again
        var (stop, stopText) = CliProcess.Shell("pg_ctlcluster", "15", "lessdata", "stop");
        try
        {
            stop.Should().Be(0, stopText);
            Thread.Sleep(Outage);
            worker.Output.Should().MatchRegex(@"store .* unreachable \(.*\), retrying \(\d+ s of 600 s\)…", "the checkpoint write waits, and says so");
        }
        finally
        {
            var (start, startText) = CliProcess.Shell("pg_ctlcluster", "15", "lessdata", "start");
            start.Should().Be(0, startText);
        }

        // Then the worker goes on, the run completes, and nothing was ever marked failed
        worker.Exit(Long).Should().Be(0, worker.Output);
        worker.Output.Should().Contain("heartbeat missed").And.NotContain("failed:");
        using var check = db.Open();
        EveryRunCompletedOnce(db, check, 2);
        check.ClaimLog().Should().NotContain(e => e.Event == "fail");
        check.ReadAll().Should().OnlyContain(r => r.Record!.Epochs.Count == 2);
    }

    [Fact]
    public void PostgresRestart_WhileWorkersRun_TheyRetryAndTheSweepCompletes()
    {
        using var db = new TestDatabase();
        Plan(db.Url, Tiny(Cells(4), 1, epochs: 2));
        using var a = new CliProcess(["worker", "--store", db.Url]);
        using var b = new CliProcess(["worker", "--store", db.Url]);
        a.WaitForLine(@"\(1/4 done\)|\(2/4 done\)", Long).Should().BeTrue(a.Output);

        // When PostgreSQL restarts under them
        var (restart, text) = CliProcess.Shell("pg_ctlcluster", "15", "lessdata", "restart");
        restart.Should().Be(0, text);

        // Then both retry, finish, and every run is completed once
        a.Exit(Long).Should().Be(0, a.Output);
        b.Exit(Long).Should().Be(0, b.Output);
        // (a write retries: "unreachable (…), retrying (n s of m s)…"; a heartbeat tries once: "heartbeat missed (… unreachable (…))")
        (a.Output + b.Output).Should().Contain("unreachable (");
        using var check = db.Open();
        EveryRunCompletedOnce(db, check, 4);
    }

    [Fact]
    public void EightWorkersAtOnce_On40Runs_NoRunIsClaimedTwice()
    {
        // Given 40 planned runs and eight workers, each with its own PostgreSQL connections and its own owner identity.
        // (Eight threads of this process, not eight processes: the claim is a property of the database transaction,
        // and 40 real trainings in eight processes take minutes on two cores. Training is simulated; claiming,
        // heartbeats, completion and the claim log are the real ones.)
        using var db = new TestDatabase();
        Plan(db.Url, Tiny(Cells(10), 4, epochs: 1));
        using var start = new Barrier(8);
        var completions = new System.Collections.Concurrent.ConcurrentBag<long>();
        void Worker(int n)
        {
            using var store = db.Open();
            var me = RunOwner.Current() with { Host = $"racer-{n}" };
            start.SignalAndWait();
            while (store.TryClaim(me) is { } claim)
            {
                store.Heartbeat(claim.Id, me, 1).Should().BeTrue();
                Thread.Sleep(Random.Shared.Next(1, 20));
                var record = new RunRecord(claim.Config, new RunProvenance("t", new Dictionary<string, string>(), "m", "c"),
                    [new EpochRecord(1, 1, 10, 10, 1, 0.5, 0.1, 0.001)], new RunTotals(10, 0.1, 0.2, 0.5, 0.5, 0, 0, "model:65W"));
                store.Complete(claim.Id, me, record).Should().Be(Completion.Accepted);
                completions.Add(claim.Id);
            }
        }

        // When all eight start at once
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, Worker);

        // Then the claim log holds exactly one claim per run, and every run completed once
        using var check = db.Open();
        var claims = check.ClaimLog().Where(e => e.Event is "claim" or "reclaim").ToList();
        claims.Should().HaveCount(40, "the claim log has one claim per run");
        claims.Select(e => e.RunId).Should().OnlyHaveUniqueItems();
        claims.Select(e => e.Owner).Distinct().Count().Should().BeGreaterThan(1);
        completions.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        EveryRunCompletedOnce(db, check, 40);
    }
}
