using LessData.Experiments;
using LessData.Training;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Experiments;

public sealed class RunStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-store-").FullName;
    private string StorePath => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static IReadOnlyList<PlannedRun> Plan(int trials = 2) =>
        PlannedRun.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", SweepProfiles.Get("cpu") is var p ? p with { Experiment = p.Experiment with { Epochs = 2 } } : null!, trials, 1);

    private static RunRecord Record(TrainConfig c) => new(c, new Provenance("t", new Dictionary<string, string>(), "m", "c"),
        [new EpochRecord(1, 1, 10, 10, 1, 0.5, 0.1, 0.001)], new RunTotals(10, 0.1, 0.2, 0.5, 0.5, 0, 0, "model:65W"));

    private static RunOwner Alive(int n) => RunOwner.Current() with { Host = RunOwner.Current().Host + "-worker" + n };

    [Fact]
    public void Expand_IsIdempotent()
    {
        using var store = new RunStore(StorePath);

        store.Expand(Plan()).Should().Be(10);
        store.Expand(Plan()).Should().Be(0);
        store.Counts()[RunStatus.Pending].Should().Be(10);
    }

    [Fact]
    public void Expand_SameExperimentsInAnotherEnvironment_AddsNothing()
    {
        // Given a store planned with one data folder and thread count
        using var store = new RunStore(StorePath);
        store.Expand(Plan()).Should().Be(10);

        // When the same sweep is planned with another data folder, threads and power settings
        var elsewhere = Plan().Select(r => r with
        {
            Config = r.Config with { Environment = r.Config.Environment with { DataDir = "/elsewhere", Threads = 7, DevicePowerWatts = 300, TensorBoard = true } },
        }).ToList();

        // Then every run is recognised as the same run: nothing new to train
        elsewhere.Select(r => r.Key).Should().Equal(Plan().Select(r => r.Key));
        store.Expand(elsewhere).Should().Be(0);
    }

    [Fact]
    public void Key_ChangesWithTheExperiment()
    {
        var a = Plan()[1];
        var b = a with { Config = a.Config with { Experiment = a.Config.Experiment with { BatchSize = 64 } } };

        b.Key.Should().NotBe(a.Key);
    }

    [Fact]
    public void Open_NotAStore_IsAUserError()
    {
        File.WriteAllText(StorePath, "this is not sqlite at all, just text padding padding padding padding padding padding");

        var act = () => new RunStore(StorePath);

        act.Should().Throw<LessData.UserError>().Which.Message.Should().Contain(StorePath);
    }

    [Fact]
    public void Claim_LiveOwnersNeverShareARun()
    {
        using var store = new RunStore(StorePath);
        store.Expand(Plan());

        var a = store.TryClaim(RunOwner.Current());
        var b = store.TryClaim(RunOwner.Current() with { Pid = Environment.ProcessId }); // same live process: no steal

        a.Should().NotBeNull();
        b!.Id.Should().NotBe(a!.Id);
    }

    [Fact]
    public void Claim_RunOfADeadProcess_IsReclaimedAndMarkedResumed()
    {
        using var store = new RunStore(StorePath);
        store.Expand(Plan(trials: 1));
        var dead = new RunOwner(RunOwner.Current().Host, Pid: 999_999, StartTicks: 1);
        var first = store.TryClaim(dead)!;

        // When a live process claims next, the dead process's run comes back first
        var again = store.TryClaim(RunOwner.Current())!;

        again.Id.Should().Be(first.Id);
        again.Resumed.Should().BeTrue();
    }

    [Fact]
    public void Complete_StoresRecordAndEpochs_AndIsNeverClaimedAgain()
    {
        using var store = new RunStore(StorePath);
        store.Expand(Plan(trials: 1));
        var me = RunOwner.Current();
        var ids = new List<long>();
        while (store.TryClaim(me) is { } claim)
        {
            ids.Add(claim.Id);
            store.Complete(claim.Id, me, Record(claim.Config));
        }

        ids.Should().HaveCount(5).And.OnlyHaveUniqueItems();
        var runs = store.ReadAll();
        runs.Should().OnlyContain(r => r.Status == RunStatus.Completed && r.Record != null && r.Record.Totals.Evaluations == 10);
        store.TryClaim(me).Should().BeNull();
    }

    [Fact]
    public void Complete_ByAnOwnerThatLostTheRun_ChangesNothing()
    {
        using var store = new RunStore(StorePath);
        store.Expand(Plan(trials: 1));
        var dead = new RunOwner(RunOwner.Current().Host, 999_999, 1);
        var claim = store.TryClaim(dead)!;
        var taken = store.TryClaim(RunOwner.Current())!; // reclaimed from the dead owner

        store.Complete(claim.Id, dead, Record(claim.Config)); // a late write from the old owner

        taken.Id.Should().Be(claim.Id);
        store.ReadAll().Single(r => r.Status == RunStatus.Running).Record.Should().BeNull();
    }

    [Fact]
    public void TwoConcurrentSweeps_CompleteEveryRunExactlyOnce()
    {
        // Given a store and two workers, each with its own connection, racing over 20 runs
        using (var setup = new RunStore(StorePath)) setup.Expand(Plan(trials: 4));
        var completions = new System.Collections.Concurrent.ConcurrentBag<long>();
        void Worker(int n)
        {
            using var store = new RunStore(StorePath);
            var me = Alive(n);
            while (store.TryClaim(me) is { } claim)
            {
                Thread.Sleep(3);
                store.Complete(claim.Id, me, Record(claim.Config));
                completions.Add(claim.Id);
            }
        }

        // When both run at once
        Parallel.Invoke(() => Worker(1), () => Worker(2));

        // Then every run completed once, none twice
        completions.Should().HaveCount(20).And.OnlyHaveUniqueItems();
        using var check = new RunStore(StorePath);
        check.Counts()[RunStatus.Completed].Should().Be(20);
    }

    [Fact]
    public void Sweep_CrashMidRun_ResumesFromCheckpointAndLosesNothing()
    {
        var planned = Plan(trials: 1);
        int calls = 0;
        RunRecord Train(TrainConfig c, string checkpoints, ITrainingObserver o, CancellationToken t)
        {
            Directory.CreateDirectory(checkpoints);
            File.WriteAllText(Path.Combine(checkpoints, "marker"), "epoch 1");
            if (++calls == 3) throw new OperationCanceledException("simulated kill during the third run");
            return Record(c);
        }

        // Given a sweep that dies during its third run
        using (var store = new RunStore(StorePath))
        {
            var act = () => SweepRunner.Run(store, planned, Train, null, CancellationToken.None);
            act.Should().Throw<OperationCanceledException>();
            store.Counts()[RunStatus.Completed].Should().Be(2);
        }

        // When the same sweep runs again (the run left 'running' by this live test process is taken over via a dead owner)
        using (var raw = new SqliteConnection($"Data Source={StorePath}"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = $"UPDATE runs SET owner = '{Environment.MachineName}/999999/1' WHERE status = 'running'";
            cmd.ExecuteNonQuery();
        }
        var resumedCheckpoints = new List<bool>();
        using (var store = new RunStore(StorePath))
        {
            SweepRunner.Run(store, planned, (c, dir, o, t) => { resumedCheckpoints.Add(File.Exists(Path.Combine(dir, "marker"))); return Record(c); }, null, CancellationToken.None);

            // Then all 5 runs are completed exactly once, and the interrupted one found its checkpoint
            store.Counts()[RunStatus.Completed].Should().Be(5);
            resumedCheckpoints.Should().HaveCount(3);
            resumedCheckpoints[0].Should().BeTrue("the cut-off run is claimed first and finds its checkpoint folder");
        }
    }
}
