using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LessData.Runs;
using LessData.Training;

namespace LessData.Store;

/// <summary>
/// The sweep's results store, on SQLite (one file, the default) or PostgreSQL (shared by many nodes); the same
/// tables and the same SQL on both. Runs are inserted idempotently; a claim takes one claimable run inside a
/// transaction that locks it (SQLite: an IMMEDIATE transaction; PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED);
/// a claimed run carries a lease renewed by heartbeats, and one whose lease expired (or whose owner on this host
/// died) is claimable again. Only the current owner can complete a run: a second finisher's result is kept in
/// duplicate_results, never over the first. Every claim, release, completion and rejection is logged in claims.
/// </summary>
public abstract class RunStore : IDisposable
{
    internal const int SchemaVersion = RunStoreSchema.Version;
    internal static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(10);

    /// <summary>How long a run in hand waits for an unreachable store by default.</summary>
    public static readonly TimeSpan DefaultOutagePatience = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claim of this process stays valid without a heartbeat. It is stored with each claim and renewed
    /// with each heartbeat, so other processes judge the claim by its holder's lease, whatever their own.
    /// </summary>
    public TimeSpan Lease { get; init; } = DefaultLease;

    /// <summary>
    /// How long the writes of a run in hand (its epoch checkpoint, its result) keep retrying a store that became
    /// unreachable before giving up with <see cref="StoreUnreachableException"/>. Other operations retry for the
    /// dialect's own budget; a heartbeat tries once (the next one tries again).
    /// </summary>
    public TimeSpan OutagePatience { get; set; } = DefaultOutagePatience;

    /// <summary>Where the store is, for messages (a path, or a PostgreSQL URL without its password).</summary>
    public abstract string Location { get; }

    /// <summary>The folder that files belonging to the store are written next to (Slurm scripts).</summary>
    public abstract string SideFolder { get; }

    /// <summary>Told about each retry of an unreachable store (the worker prints it); only a PostgreSQL store retries.</summary>
    public Action<string>? Retrying { get; set; }

    /// <summary>Copies every table of this store into <paramref name="destination"/>, a new or empty store, row for row with the same ids; returns the rows copied per table.</summary>
    public IReadOnlyDictionary<string, int> CopyTo(RunStore destination) => StoreCopy.Copy(this, destination);

    /// <summary>Opens a store from a SQLite path, a postgres:// URL or an Npgsql connection string.</summary>
    public static RunStore Open(string location, TimeSpan? lease = null) =>
        StoreLocation.Parse(location) switch
        {
            StoreLocation.Sqlite s => new SqliteRunStore(s.Path) { Lease = lease ?? DefaultLease },
            StoreLocation.Postgres p => new PostgresRunStore(p) { Lease = lease ?? DefaultLease },
            _ => throw new UserError($"{location}: not a store location"),
        };

    private protected abstract RunStoreSchema.Types Types { get; }
    private protected abstract DbConnection Connect();
    private protected abstract DbTransaction Begin(DbConnection connection);
    /// <summary>Locks the row a claim selects and skips rows another transaction holds ("" where the transaction already locks).</summary>
    private protected abstract string ClaimLock { get; }
    /// <summary>Locks one selected row until the transaction ends.</summary>
    private protected abstract string RowLock { get; }
    /// <summary>Serializes schema creation among processes opening the store at once.</summary>
    private protected virtual void LockSchema(DbConnection c, DbTransaction tx) { }
    /// <summary>Runs a store operation, retrying where the dialect knows an error to be transient.</summary>
    private protected T Retry<T>(Func<T> operation) => Retry(operation, null);
    /// <summary>
    /// Runs a store operation, retrying where the dialect knows an error to be transient, for up to <paramref name="budget"/>
    /// (null: the dialect's default; zero: one attempt); then <see cref="StoreUnreachableException"/>.
    /// </summary>
    private protected virtual T Retry<T>(Func<T> operation, TimeSpan? budget) => operation();
    /// <summary>The store's clock (PostgreSQL: the server's, so that nodes with skewed clocks agree on leases).</summary>
    private protected virtual DateTime Clock(DbConnection c, DbTransaction? tx) => DateTime.UtcNow;

    internal static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Creates the tables, or migrates an older version; a newer or unknown version is refused.</summary>
    private protected void Initialize() => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        LockSchema(c, tx);
        Exec(c, tx, RunStoreSchema.Meta);
        var version = Scalar(c, tx, "SELECT value FROM meta WHERE key = 'schema'") as string;
        if (version is null)
        {
            Exec(c, tx, RunStoreSchema.Create(Types));
            Exec(c, tx, "INSERT INTO meta(key, value) VALUES ('schema', @v)", ("v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        }
        else if (version is "1" or "2")
        {
            if (version == "1") Exec(c, tx, RunStoreSchema.MigrateFrom1(Types));
            Exec(c, tx, RunStoreSchema.MigrateFrom2(Types));
            Exec(c, tx, "UPDATE meta SET value = @v WHERE key = 'schema'", ("v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        }
        else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new UserError(int.TryParse(version, CultureInfo.InvariantCulture, out var v) && v > SchemaVersion
                ? $"{Location}: store schema version {version} is newer than this LessData's ({SchemaVersion}); upgrade LessData to use it"
                : $"{Location}: unknown store schema version '{version}' (this LessData reads versions 1 to {SchemaVersion})");
        }
        tx.Commit();
        return 0;
    });

    /// <summary>Inserts the runs that are not in the store yet; returns how many were new.</summary>
    public int Expand(IEnumerable<PlannedRun> runs) => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        int added = 0;
        foreach (var r in runs)
            added += Exec(c, tx, """
                INSERT INTO runs(key, plan, profile, dataset, experiment, spec, trial, seed, config, status)
                VALUES (@key, @plan, @profile, @dataset, @experiment, @spec, @trial, @seed, @config, 'pending')
                ON CONFLICT (key) DO NOTHING
                """, ("key", r.Key), ("plan", r.Plan), ("profile", r.Profile), ("dataset", r.Dataset), ("experiment", r.ExperimentId),
                ("spec", r.Spec), ("trial", (long)r.Trial), ("seed", (long)r.Seed), ("config", JsonSerializer.Serialize(r.Config, RunOutputs.Json)));
        tx.Commit();
        return added;
    });

    internal sealed record Claim(long Id, string ExperimentId, int Trial, TrainConfig Config, bool Resumed);

    /// <summary>
    /// Claims one pending run, or a running one whose lease expired (by its holder's lease length) or whose owner on
    /// this host died; null when none. The claim stores this process's lease length and when it expires.
    /// </summary>
    internal Claim? TryClaim(RunOwner me, IEnumerable<string>? keys = null)
    {
        var keyList = keys?.ToList();
        ExpireDeadLocalOwners(me);
        return Retry(() =>
        {
            using var c = Connect();
            using var tx = Begin(c);
            var now = Clock(c, tx);
            // "expires IS NULL": a run claimed before leases were stored (schema 2) is judged by the claimer's lease, as then
            var parameters = new List<(string, object?)> { ("now", Stamp(now)), ("cutoff", Stamp(now - Lease)) };
            string filter = "";
            if (keyList is not null)
            {
                if (keyList.Count == 0) return null;
                filter = " AND key IN (" + string.Join(", ", keyList.Select((k, i) => "@k" + i.ToString(CultureInfo.InvariantCulture))) + ")";
                parameters.AddRange(keyList.Select((k, i) => ("k" + i.ToString(CultureInfo.InvariantCulture), (object?)k)));
            }
            Claim? claim = null;
            using (var select = Command(c, tx, $"""
                SELECT id, experiment, trial, config, status FROM runs
                WHERE (status = 'pending' OR (status = 'running' AND (heartbeat IS NULL OR expires < @now OR (expires IS NULL AND heartbeat < @cutoff)))){filter}
                ORDER BY trial, id LIMIT 1{ClaimLock}
                """, [.. parameters]))
            using (var reader = select.ExecuteReader())
            {
                if (reader.Read())
                    claim = new Claim(reader.GetInt64(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                        JsonSerializer.Deserialize<TrainConfig>(reader.GetString(3), RunOutputs.Json)!, reader.GetString(4) == "running");
            }
            if (claim is null) return null;
            bool hasCheckpoint = Scalar(c, tx, "SELECT COUNT(*) FROM checkpoints WHERE run_id = @id", ("id", claim.Id)) is { } n && Convert.ToInt64(n, CultureInfo.InvariantCulture) > 0;
            claim = claim with { Resumed = claim.Resumed || hasCheckpoint };
            var stamp = Stamp(now);
            Exec(c, tx, "UPDATE runs SET status = 'running', owner = @owner, heartbeat = @now, lease = @lease, expires = @expires, started = COALESCE(started, @now) WHERE id = @id",
                ("owner", me.ToString()), ("now", stamp), ("lease", (long)Math.Ceiling(Lease.TotalSeconds)), ("expires", Stamp(now + Lease)), ("id", claim.Id));
            Log(c, tx, claim.Id, me, claim.Resumed ? "reclaim" : "claim", stamp);
            tx.Commit();
            return claim;
        });
    }

    /// <summary>A run held by a process on this host that no longer exists loses its lease now, not after it expires.</summary>
    private void ExpireDeadLocalOwners(RunOwner me) => Retry(() =>
    {
        using var c = Connect();
        var held = new List<(long Id, string Owner)>();
        using (var select = Command(c, null, "SELECT id, owner FROM runs WHERE status = 'running' AND owner LIKE @host", ("host", me.Host + "/%")))
        using (var reader = select.ExecuteReader())
            while (reader.Read()) held.Add((reader.GetInt64(0), reader.GetString(1)));
        foreach (var (id, owner) in held)
            if (owner != me.ToString() && !RunOwner.Parse(owner).IsAlive())
                Exec(c, null, "UPDATE runs SET heartbeat = NULL, expires = NULL WHERE id = @id AND owner = @owner AND status = 'running'", ("id", id), ("owner", owner));
        return 0;
    });

    /// <summary>
    /// Renews the lease by this process's <see cref="Lease"/> (and records the finished epoch); false when the run is no
    /// longer this owner's. One attempt: an unreachable store throws <see cref="StoreUnreachableException"/> at once,
    /// and the caller beats again later.
    /// </summary>
    internal bool Heartbeat(long id, RunOwner me, int? epoch = null) => Retry(() =>
    {
        using var c = Connect();
        var clock = Clock(c, null);
        var (now, expires) = (Stamp(clock), Stamp(clock + Lease));
        return epoch is { } e
            ? Exec(c, null, "UPDATE runs SET heartbeat = @now, expires = @expires, epoch = @epoch WHERE id = @id AND owner = @owner AND status = 'running'",
                ("now", now), ("expires", expires), ("epoch", (long)e), ("id", id), ("owner", me.ToString())) == 1
            : Exec(c, null, "UPDATE runs SET heartbeat = @now, expires = @expires WHERE id = @id AND owner = @owner AND status = 'running'",
                ("now", now), ("expires", expires), ("id", id), ("owner", me.ToString())) == 1;
    }, TimeSpan.Zero);

    /// <summary>
    /// Stores the result of a run this owner holds, with its epoch rows, in one transaction, and drops its checkpoint.
    /// A result from an owner that no longer holds the run (its lease expired and another took it, or it is already
    /// completed) is kept in duplicate_results and changes nothing else. An unreachable store is retried for up to
    /// <see cref="OutagePatience"/>.
    /// </summary>
    internal Completion Complete(long id, RunOwner me, RunRecord record, string? hardware = null) => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        var now = Stamp(Clock(c, tx));
        string? status = null, owner = null;
        using (var select = Command(c, tx, $"SELECT status, owner FROM runs WHERE id = @id{RowLock}", ("id", id)))
        using (var reader = select.ExecuteReader())
            if (reader.Read()) { status = reader.GetString(0); owner = reader.IsDBNull(1) ? null : reader.GetString(1); }
        if (status == "completed" && owner == me.ToString()) return Completion.Accepted; // a retry after a lost acknowledgement
        var json = JsonSerializer.Serialize(record, RunOutputs.Json);
        if (status != "running" || owner != me.ToString())
        {
            Exec(c, tx, "INSERT INTO duplicate_results(run_id, owner, at, reason, record) VALUES (@id, @owner, @now, @reason, @record)",
                ("id", id), ("owner", me.ToString()), ("now", now), ("reason", status == "completed" ? "already completed" : $"lease lost ({status}, held by {owner ?? "nobody"})"), ("record", json));
            Log(c, tx, id, me, "duplicate", now);
            tx.Commit();
            return Completion.Duplicate;
        }
        Exec(c, tx, "DELETE FROM epochs WHERE run_id = @id", ("id", id));
        foreach (var e in record.Epochs)
            Exec(c, tx, "INSERT INTO epochs(run_id, epoch, fraction, images, evaluations, train_loss, top1, seconds, lr) VALUES (@id, @epoch, @fraction, @images, @evaluations, @loss, @top1, @seconds, @lr)",
                ("id", id), ("epoch", (long)e.Epoch), ("fraction", e.Fraction), ("images", (long)e.Images), ("evaluations", e.Evaluations),
                ("loss", e.TrainLoss), ("top1", e.Top1), ("seconds", e.Seconds), ("lr", e.Lr));
        Exec(c, tx, "UPDATE runs SET status = 'completed', record = @record, finished = @now, error = NULL, epoch = @epoch, hardware = @hardware WHERE id = @id",
            ("record", json), ("now", now), ("epoch", (long)record.Epochs.Count), ("hardware", hardware), ("id", id));
        Exec(c, tx, "DELETE FROM checkpoints WHERE run_id = @id", ("id", id));
        Log(c, tx, id, me, "complete", now);
        tx.Commit();
        return Completion.Accepted;
    }, OutagePatience);

    internal void Fail(long id, RunOwner me, string error) => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        var now = Stamp(Clock(c, tx));
        if (Exec(c, tx, "UPDATE runs SET status = 'failed', error = @error, finished = @now WHERE id = @id AND owner = @owner AND status = 'running'",
                ("error", error), ("now", now), ("id", id), ("owner", me.ToString())) == 1)
            Log(c, tx, id, me, "fail", now);
        tx.Commit();
        return 0;
    });

    /// <summary>
    /// Gives a run back (pending, no owner), keeping its checkpoint: another worker resumes it at once. Waits for an
    /// unreachable store only briefly (a stopping worker has seconds); a run not released is claimable when its lease expires.
    /// </summary>
    internal bool Release(long id, RunOwner me) => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        var now = Stamp(Clock(c, tx));
        bool released = Exec(c, tx, "UPDATE runs SET status = 'pending', owner = NULL, heartbeat = NULL, expires = NULL WHERE id = @id AND owner = @owner AND status = 'running'",
            ("id", id), ("owner", me.ToString())) == 1;
        if (released) Log(c, tx, id, me, "release", now);
        tx.Commit();
        return released;
    }, ReleasePatience);

    /// <summary>How long <see cref="Release"/> waits for an unreachable store: well inside Slurm's default KillWait (30 s).</summary>
    internal static readonly TimeSpan ReleasePatience = TimeSpan.FromSeconds(10);

    /// <summary>Puts every failed run back to pending; returns how many.</summary>
    public int RetryFailed() => Retry(() =>
    {
        using var c = Connect();
        return Exec(c, null, "UPDATE runs SET status = 'pending', error = NULL, owner = NULL, heartbeat = NULL, expires = NULL WHERE status = 'failed'");
    });

    /// <summary>
    /// Saves a run's checkpoint (an archive of its checkpoint folder) if this owner still holds the run. An unreachable
    /// store is retried for up to <see cref="OutagePatience"/>. <paramref name="faults"/> is told
    /// <see cref="FaultPoint.CheckpointWrite"/> inside the transaction, before it commits.
    /// </summary>
    internal bool SaveCheckpoint(long id, RunOwner me, int epoch, byte[] data, IFaultInjector? faults = null) => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        var now = Stamp(Clock(c, tx));
        bool mine = Scalar(c, tx, $"SELECT owner FROM runs WHERE id = @id AND status = 'running'{RowLock}", ("id", id)) as string == me.ToString();
        if (!mine) return false;
        Exec(c, tx, "DELETE FROM checkpoints WHERE run_id = @id", ("id", id));
        Exec(c, tx, "INSERT INTO checkpoints(run_id, epoch, owner, saved, data) VALUES (@id, @epoch, @owner, @now, @data)",
            ("id", id), ("epoch", (long)epoch), ("owner", me.ToString()), ("now", now), ("data", data));
        faults?.Reached(FaultPoint.CheckpointWrite);
        tx.Commit();
        return true;
    }, OutagePatience);

    /// <summary>The run's last saved checkpoint archive, or null.</summary>
    internal byte[]? LoadCheckpoint(long id) => Retry(() =>
    {
        using var c = Connect();
        return Scalar(c, null, "SELECT data FROM checkpoints WHERE run_id = @id", ("id", id)) as byte[];
    });

    /// <summary>The failed runs among <paramref name="planned"/> (matched by dataset, cell and trial), each in words: "cell (spec) seed n: stored error".</summary>
    public IReadOnlyList<string> Failures(IEnumerable<PlannedRun> planned)
    {
        var wanted = planned.Select(p => (p.Dataset, p.ExperimentId, p.Trial)).ToHashSet();
        return [.. ReadAll().Where(r => r.Status == RunStatus.Failed && wanted.Contains((r.Dataset, r.ExperimentId, r.Trial)))
            .Select(f => $"{f.ExperimentId} ({f.Spec}) seed {f.Seed}: {f.Error}")];
    }

    internal IReadOnlyList<SweepRun> ReadAll() => Retry(() =>
    {
        using var c = Connect();
        using var select = Command(c, null, "SELECT plan, profile, dataset, experiment, spec, trial, seed, status, record, error, hardware FROM runs ORDER BY dataset, profile, trial, id");
        using var reader = select.ExecuteReader();
        var runs = new List<SweepRun>();
        while (reader.Read())
        {
            var status = Enum.Parse<RunStatus>(reader.GetString(7), ignoreCase: true);
            var record = reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<RunRecord>(reader.GetString(8), RunOutputs.Json);
            runs.Add(new SweepRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                status, record, reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }
        return (IReadOnlyList<SweepRun>)runs;
    });

    /// <summary>The completed records among the given run keys, by key.</summary>
    public IReadOnlyDictionary<string, RunRecord> Completed(IEnumerable<string> keys)
    {
        var filter = keys.ToHashSet();
        return Retry(() =>
        {
            using var c = Connect();
            using var select = Command(c, null, "SELECT key, record FROM runs WHERE status = 'completed'");
            using var reader = select.ExecuteReader();
            var records = new Dictionary<string, RunRecord>();
            while (reader.Read())
                if (filter.Contains(reader.GetString(0)) && !reader.IsDBNull(1))
                    records[reader.GetString(0)] = JsonSerializer.Deserialize<RunRecord>(reader.GetString(1), RunOutputs.Json)!;
            return (IReadOnlyDictionary<string, RunRecord>)records;
        });
    }

    /// <summary>Runs per status, of the runs <paramref name="keys"/> names or of every run; every status is present.</summary>
    public IReadOnlyDictionary<RunStatus, int> Counts(IEnumerable<string>? keys = null)
    {
        var filter = keys?.ToHashSet();
        return Retry(() =>
        {
            using var c = Connect();
            using var select = Command(c, null, "SELECT key, status FROM runs");
            using var reader = select.ExecuteReader();
            var counts = Enum.GetValues<RunStatus>().ToDictionary(s => s, _ => 0);
            while (reader.Read())
                if (filter is null || filter.Contains(reader.GetString(0)))
                    counts[Enum.Parse<RunStatus>(reader.GetString(1), ignoreCase: true)]++;
            return (IReadOnlyDictionary<RunStatus, int>)counts;
        });
    }

    /// <summary>Every run's state for `sweep status`: owner, heartbeat, epoch, error and times.</summary>
    public IReadOnlyList<RunActivity> Activity() => Retry(() =>
    {
        using var c = Connect();
        using var select = Command(c, null, "SELECT id, dataset, experiment, spec, trial, status, owner, heartbeat, epoch, config, error, started, finished, hardware FROM runs ORDER BY id");
        using var reader = select.ExecuteReader();
        var rows = new List<RunActivity>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
        {
            var config = JsonSerializer.Deserialize<TrainConfig>(reader.GetString(9), RunOutputs.Json)!;
            rows.Add(new RunActivity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), Enum.Parse<RunStatus>(reader.GetString(5), ignoreCase: true),
                Text(6), Text(7), reader.IsDBNull(8) ? null : Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture), config.Experiment.Epochs,
                Text(10), Text(11), Text(12), Text(13)));
        }
        return (IReadOnlyList<RunActivity>)rows;
    });

    /// <summary>The claim log, oldest first.</summary>
    internal IReadOnlyList<ClaimEvent> ClaimLog() => Retry(() =>
    {
        using var c = Connect();
        using var select = Command(c, null, "SELECT seq, run_id, owner, event, at FROM claims ORDER BY seq");
        using var reader = select.ExecuteReader();
        var rows = new List<ClaimEvent>();
        while (reader.Read())
            rows.Add(new ClaimEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return (IReadOnlyList<ClaimEvent>)rows;
    });

    /// <summary>All rows of one table, as stored (for `store copy`).</summary>
    internal IReadOnlyList<object?[]> ReadTable(string table, string[] columns) => Retry(() =>
    {
        using var c = Connect();
        using var select = Command(c, null, $"SELECT {string.Join(", ", columns)} FROM {table} ORDER BY {columns[0]}{(table == "epochs" ? ", epoch" : "")}");
        using var reader = select.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, columns.Length).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        return (IReadOnlyList<object?[]>)rows;
    });

    /// <summary>Writes rows read by <see cref="ReadTable"/> of every table into this (empty) store, in one transaction.</summary>
    internal void WriteTables(IReadOnlyList<(string Table, string[] Columns, IReadOnlyList<object?[]> Rows)> tables) => Retry(() =>
    {
        using var c = Connect();
        using var tx = Begin(c);
        if (Convert.ToInt64(Scalar(c, tx, "SELECT COUNT(*) FROM runs"), CultureInfo.InvariantCulture) > 0)
            throw new UserError($"{Location}: the destination store already holds runs; copy into a new, empty store");
        foreach (var (table, columns, rows) in tables)
        {
            var sql = $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(x => "@" + x))})";
            foreach (var row in rows) Exec(c, tx, sql, [.. columns.Select((x, i) => (x, row[i]))]);
        }
        AfterCopy(c, tx);
        tx.Commit();
        return 0;
    });

    /// <summary>Brings generated-key counters past the copied keys (PostgreSQL identities).</summary>
    private protected virtual void AfterCopy(DbConnection c, DbTransaction tx) { }

    private void Log(DbConnection c, DbTransaction tx, long id, RunOwner me, string what, string at) =>
        Exec(c, tx, "INSERT INTO claims(run_id, owner, event, at) VALUES (@id, @owner, @event, @at)", ("id", id), ("owner", me.ToString()), ("event", what), ("at", at));

    private protected static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private protected static int Exec(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(c, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private protected static object? Scalar(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(c, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Closes the store's connections.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);
}
