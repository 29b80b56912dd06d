using LessData.Provenance;
using LessData.Runs;
using LessData.Store;
using LessData.Sweeps;
using LessData.Training;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Store;

public sealed class RunStoreTests() : TempStoreFolder("lessdata-store-")
{
    private static IReadOnlyList<PlannedRun> Plan(int trials = 2) =>
        PlanExpansion.Expand("paper-cut", SweepPlans.Get("paper-cut"), "cpu", SweepProfiles.Get("cpu") is var p ? p with { Experiment = p.Experiment with { Epochs = 2 } } : null!, trials, 1);

    private static RunRecord Record(TrainConfig c) => new(c, new RunProvenance("t", new Dictionary<string, string>(), "m", "c"),
        [new EpochRecord(1, 1, 10, 10, 1, 0.5, 0.1, 0.001)], new RunTotals(10, 0.1, 0.2, 0.5, 0.5, 0, 0, "model:65W"));

    private static RunOwner Alive(int n) => RunOwner.Current() with { Host = RunOwner.Current().Host + "-worker" + n };

    [Fact]
    public void Expand_IsIdempotent()
    {
        using var store = new SqliteRunStore(StorePath);

        store.Expand(Plan()).Should().Be(10);
        store.Expand(Plan()).Should().Be(0);
        store.Counts()[RunStatus.Pending].Should().Be(10);
    }

    [Fact]
    public void Expand_SameExperimentsInAnotherEnvironment_AddsNothing()
    {
        // Given a store planned with one data folder and thread count
        using var store = new SqliteRunStore(StorePath);
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
    public void Open_InAFolderThatDoesNotExist_CreatesTheFolder()
    {
        var path = Path.Combine(Folder, "sweeps", "a", "runs.db");

        using (var store = new SqliteRunStore(path)) store.Counts();

        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public void Open_WhereTheFolderIsAFile_IsAUserErrorNamingTheStoreParameter()
    {
        var blocker = Path.Combine(Folder, "blocker");
        File.WriteAllText(blocker, "a file, not a folder");

        var act = () => new SqliteRunStore(Path.Combine(blocker, "runs.db"));

        act.Should().Throw<LessData.UserError>().Which.Parameter.Should().Be(LessData.Parameters.Store);
    }

    [Fact]
    public void Open_NotAStore_IsAUserError()
    {
        File.WriteAllText(StorePath, "this is not sqlite at all, just text padding padding padding padding padding padding");

        var act = () => new SqliteRunStore(StorePath);

        act.Should().Throw<LessData.UserError>().Which.Message.Should().Contain(StorePath);
    }

    [Fact]
    public void Claim_LiveOwnersNeverShareARun()
    {
        using var store = new SqliteRunStore(StorePath);
        store.Expand(Plan());

        var a = store.TryClaim(RunOwner.Current());
        var b = store.TryClaim(RunOwner.Current() with { Pid = Environment.ProcessId }); // same live process: no steal

        a.Should().NotBeNull();
        b!.Id.Should().NotBe(a!.Id);
    }

    [Fact]
    public void Claim_RunOfADeadProcess_IsReclaimedAndMarkedResumed()
    {
        using var store = new SqliteRunStore(StorePath);
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
        using var store = new SqliteRunStore(StorePath);
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
    public void Complete_ByAnOwnerThatLostTheRun_IsKeptAsADuplicate_AndChangesNothing()
    {
        using var store = new SqliteRunStore(StorePath);
        store.Expand(Plan(trials: 1));
        var dead = new RunOwner(RunOwner.Current().Host, 999_999, 1);
        var claim = store.TryClaim(dead)!;
        var taken = store.TryClaim(RunOwner.Current())!; // reclaimed from the dead owner

        var late = store.Complete(claim.Id, dead, Record(claim.Config)); // a late write from the old owner

        taken.Id.Should().Be(claim.Id);
        late.Should().Be(Completion.Duplicate);
        store.ReadAll().Single(r => r.Status == RunStatus.Running).Record.Should().BeNull();
        store.ClaimLog().Select(e => e.Event).Should().Equal("claim", "reclaim", "duplicate");
    }

    [Fact]
    public void Complete_SecondFinisherAfterTheFirst_IsADuplicate_FirstResultKept()
    {
        using var store = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromSeconds(30) };
        store.Expand(Plan(trials: 1));
        var slow = Alive(1);
        var fast = Alive(2);
        var first = store.TryClaim(slow)!;
        // the slow owner's lease expires (no heartbeat); the fast one takes the run over and finishes
        using (var raw = new SqliteConnection($"Data Source={StorePath}"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "UPDATE runs SET heartbeat = '2000-01-01T00:00:00.000000Z', expires = '2000-01-01T00:00:30.000000Z'";
            cmd.ExecuteNonQuery();
        }
        var second = store.TryClaim(fast)!;
        store.Complete(second.Id, fast, Record(second.Config) with { Totals = Record(second.Config).Totals with { Top1 = 0.9 } }).Should().Be(Completion.Accepted);

        store.Heartbeat(first.Id, slow).Should().BeFalse("the slow owner learns it lost the run");
        store.Complete(first.Id, slow, Record(first.Config)).Should().Be(Completion.Duplicate);

        store.ReadAll().Single(r => r.Record is not null && r.Status == RunStatus.Completed).Record!.Totals.Top1.Should().Be(0.9);
    }

    [Fact]
    public void Lease_ExpiredHeartbeat_MakesARunOfALiveOwnerClaimable_AndOnlyThen()
    {
        using var store = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromMinutes(5) };
        store.Expand(Plan(trials: 1));
        var a = store.TryClaim(Alive(1))!;
        for (int i = 0; i < 4; i++) store.TryClaim(Alive(1));

        store.TryClaim(Alive(2)).Should().BeNull("every run is held under a live lease");
        using (var raw = new SqliteConnection($"Data Source={StorePath}"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = $"UPDATE runs SET heartbeat = '2000-01-01T00:00:00.000000Z', expires = '2000-01-01T00:10:00.000000Z' WHERE id = {a.Id}";
            cmd.ExecuteNonQuery();
        }
        var b = store.TryClaim(Alive(2))!;

        b.Id.Should().Be(a.Id);
        b.Resumed.Should().BeTrue();
    }

    private void Sql(string sql)
    {
        using var raw = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        raw.Open();
        using var cmd = raw.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Lease_IsTheHolders_AShorterLeasedClaimerWaitsForTheHoldersExpiry()
    {
        // Given a run claimed by a worker with a 10-minute lease, whose last heartbeat was 5 minutes ago
        using var holder = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromMinutes(10) };
        holder.Expand(Plan(trials: 1));
        var claim = holder.TryClaim(Alive(1))!;
        for (int i = 0; i < 4; i++) holder.TryClaim(Alive(1)).Should().NotBeNull();
        var now = DateTime.UtcNow;
        Sql($"UPDATE runs SET heartbeat = '{RunStore.Stamp(now.AddMinutes(-5))}', expires = '{RunStore.Stamp(now.AddMinutes(5))}' WHERE id = {claim.Id}");

        // When a worker with a 30-second lease looks for work
        using var hasty = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromSeconds(30) };

        // Then the claim stands (by the holder's lease), and falls only when the holder's lease has expired
        hasty.TryClaim(Alive(2)).Should().BeNull("the holder's 10-minute lease has 5 minutes left");
        Sql($"UPDATE runs SET expires = '{RunStore.Stamp(now.AddSeconds(-1))}' WHERE id = {claim.Id}");
        hasty.TryClaim(Alive(2))!.Id.Should().Be(claim.Id);
    }

    [Fact]
    public void Claim_AndHeartbeat_StoreTheHoldersLeaseWithIt()
    {
        using var store = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromSeconds(90) };
        store.Expand(Plan(trials: 1));
        var before = DateTime.UtcNow;
        var claim = store.TryClaim(Alive(1))!;
        store.Heartbeat(claim.Id, Alive(1), 1).Should().BeTrue();

        var row = store.ReadTable("runs", ["id", "lease", "expires", "heartbeat"]).Single(r => (long)r[0]! == claim.Id);
        row[1].Should().Be(90L);
        var expires = DateTime.Parse((string)row[2]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var heartbeat = DateTime.Parse((string)row[3]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        (expires - heartbeat).Should().Be(TimeSpan.FromSeconds(90));
        heartbeat.Should().BeOnOrAfter(before.AddSeconds(-1));
    }

    [Fact]
    public void Open_Version2Store_IsMigrated_ItsClaimsJudgedByTheirHeartbeatAsBefore()
    {
        // Given a version 2 store (no lease columns) with five running runs: four beat just now, one long ago
        using (var v3 = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromMinutes(10) })
        {
            v3.Expand(Plan(trials: 1));
            for (int i = 0; i < 5; i++) v3.TryClaim(Alive(1)).Should().NotBeNull();
        }
        Sql("ALTER TABLE runs DROP COLUMN lease; ALTER TABLE runs DROP COLUMN expires; UPDATE meta SET value = '2' WHERE key = 'schema';");
        Sql($"UPDATE runs SET heartbeat = '2000-01-01T00:00:00.000000Z' WHERE id = (SELECT MIN(id) FROM runs WHERE status = 'running')");

        // When it is opened by this version
        using var store = new SqliteRunStore(StorePath) { Lease = TimeSpan.FromMinutes(10) };

        // Then it is version 3, and only the run whose heartbeat is older than the claimer's lease is claimable
        store.ReadTable("meta", ["key", "value"]).Should().ContainEquivalentOf(new object[] { "schema", "3" });
        store.TryClaim(Alive(2))!.Resumed.Should().BeTrue();
        store.TryClaim(Alive(2)).Should().BeNull();
    }

    [Fact]
    public void Checkpoint_OnlyTheOwnerSaves_AndItIsDroppedOnCompletion()
    {
        using var store = new SqliteRunStore(StorePath);
        store.Expand(Plan(trials: 1));
        var me = Alive(1);
        var claim = store.TryClaim(me)!;

        store.SaveCheckpoint(claim.Id, Alive(2), 1, [9]).Should().BeFalse();
        store.SaveCheckpoint(claim.Id, me, 1, [1, 2, 3]).Should().BeTrue();
        store.LoadCheckpoint(claim.Id).Should().Equal(1, 2, 3);
        store.Release(claim.Id, me).Should().BeTrue();
        var again = store.TryClaim(Alive(3))!;
        again.Resumed.Should().BeTrue("a released run with a checkpoint resumes");
        store.Complete(again.Id, Alive(3), Record(again.Config));

        store.LoadCheckpoint(claim.Id).Should().BeNull();
    }

    [Fact]
    public void Open_Version1Store_IsMigrated_AndANewerVersionIsRefused()
    {
        using (var raw = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema', '1');
                CREATE TABLE runs(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, plan TEXT NOT NULL, profile TEXT NOT NULL, dataset TEXT NOT NULL,
                    experiment TEXT NOT NULL, spec TEXT NOT NULL, trial INTEGER NOT NULL, seed INTEGER NOT NULL, config TEXT NOT NULL,
                    status TEXT NOT NULL, owner TEXT, heartbeat TEXT, started TEXT, finished TEXT, error TEXT, record TEXT);
                CREATE TABLE epochs(run_id INTEGER NOT NULL, epoch INTEGER NOT NULL, fraction REAL NOT NULL, images INTEGER NOT NULL, evaluations INTEGER NOT NULL,
                    train_loss REAL NOT NULL, top1 REAL NOT NULL, seconds REAL NOT NULL, lr REAL NOT NULL, PRIMARY KEY (run_id, epoch));
                """;
            cmd.ExecuteNonQuery();
        }

        using (var store = new SqliteRunStore(StorePath))
        {
            store.Expand(Plan(trials: 1)).Should().Be(5);
            store.TryClaim(Alive(1)).Should().NotBeNull();
        }
        using (var raw = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema'";
            cmd.ExecuteNonQuery();
        }
        var act = () => new SqliteRunStore(StorePath);
        act.Should().Throw<LessData.UserError>().Which.Message.Should().Contain("newer");
    }

    [Fact]
    public void Copy_SqliteToSqliteAndBack_IsLossless()
    {
        using (var store = new SqliteRunStore(StorePath))
        {
            store.Expand(Plan(trials: 1));
            var me = Alive(1);
            var a = store.TryClaim(me)!;
            store.Complete(a.Id, me, Record(a.Config));
            var b = store.TryClaim(me)!;
            store.SaveCheckpoint(b.Id, me, 1, [7, 8, 9]);
        }
        var second = Path.Combine(Folder, "copy.db");
        var third = Path.Combine(Folder, "back.db");
        using (var a = new SqliteRunStore(StorePath))
        using (var b = new SqliteRunStore(second)) StoreCopy.Copy(a, b);
        using (var b = new SqliteRunStore(second))
        using (var c = new SqliteRunStore(third)) StoreCopy.Copy(b, c);

        using var original = new SqliteRunStore(StorePath);
        using var back = new SqliteRunStore(third);
        foreach (var (table, columns) in RunStoreSchema.Tables)
            back.ReadTable(table, columns).Should().BeEquivalentTo(original.ReadTable(table, columns), o => o.WithStrictOrdering(), table);
        var again = () => { using var x = new SqliteRunStore(StorePath); using var y = new SqliteRunStore(third); StoreCopy.Copy(x, y); };
        again.Should().Throw<LessData.UserError>().Which.Message.Should().Contain("already holds runs");
    }

    [Fact]
    public void TwoConcurrentSweeps_CompleteEveryRunExactlyOnce()
    {
        // Given a store and two workers, each with its own connection, racing over 20 runs
        using (var setup = new SqliteRunStore(StorePath)) setup.Expand(Plan(trials: 4));
        var completions = new System.Collections.Concurrent.ConcurrentBag<long>();
        void Worker(int n)
        {
            using var store = new SqliteRunStore(StorePath);
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
        using var check = new SqliteRunStore(StorePath);
        check.Counts()[RunStatus.Completed].Should().Be(20);
    }

    [Fact]
    public void Sweep_StoppedMidRun_ResumesFromItsStoredCheckpointAndLosesNothing()
    {
        var planned = Plan(trials: 1);
        int calls = 0;
        RunRecord Train(TrainConfig c, RunCheckpoint checkpoint, ITrainingObserver o, CancellationToken t)
        {
            var folder = TrainingCheckpoint.CurrentFolder(checkpoint.Directory);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "marker"), "epoch 1");
            checkpoint.Saved();
            if (++calls == 3) throw new OperationCanceledException("stopped during the third run, after its first epoch");
            return Record(c);
        }

        // Given a sweep stopped during its third run, after that run saved a checkpoint
        using (var store = new SqliteRunStore(StorePath))
        {
            var act = () => SweepRunner.Run(store, planned, Train, null, CancellationToken.None);
            act.Should().Throw<OperationCanceledException>();
            store.Counts()[RunStatus.Completed].Should().Be(2);
            store.Counts()[RunStatus.Pending].Should().Be(3, "the stopped run was released");
        }

        // When the same sweep runs again, in a process that shares nothing but the store
        var resumedCheckpoints = new List<bool>();
        using (var store = new SqliteRunStore(StorePath))
        {
            SweepRunner.Run(store, planned, (c, cp, o, t) =>
            {
                resumedCheckpoints.Add(File.Exists(Path.Combine(TrainingCheckpoint.CurrentFolder(cp.Directory), "marker")));
                return Record(c);
            }, null, CancellationToken.None);

            // Then all 5 runs are completed exactly once, and the interrupted one found its checkpoint
            store.Counts()[RunStatus.Completed].Should().Be(5);
            resumedCheckpoints.Should().Equal(true, false, false);
            store.ClaimLog().Count(e => e.Event == "complete").Should().Be(5);
        }
    }
}
