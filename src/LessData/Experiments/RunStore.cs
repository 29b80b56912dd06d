using System.Globalization;
using System.Text.Json;
using LessData.Training;
using Microsoft.Data.Sqlite;

namespace LessData.Experiments;

/// <summary>
/// The sweep's results store: one SQLite file (WAL, busy timeout). Runs are inserted idempotently, claimed inside an
/// IMMEDIATE transaction (two processes never get the same run), and completed in one transaction with their epoch rows.
/// A run claimed by a process that has died (or whose heartbeat is older than the lease) can be claimed again.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const int SchemaVersion = 1;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly SqliteConnection _db;

    public RunStore(string path)
    {
        Path = path;
        try
        {
            _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            _db.Open();
            Execute("PRAGMA busy_timeout = 30000;");
            Execute("PRAGMA journal_mode = WAL;");
            Execute(RunStoreSchema.Create);
            var version = Scalar("SELECT value FROM meta WHERE key = 'schema'");
            if (version is null) Execute($"INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '{SchemaVersion}')");
            else if (Convert.ToString(version, CultureInfo.InvariantCulture) != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                throw new UserError($"{path}: store schema version {version}, this LessData reads version {SchemaVersion}");
        }
        catch (SqliteException e)
        {
            throw new UserError($"{path}: cannot open as a LessData store ({e.Message})");
        }
    }

    public string Path { get; }

    /// <summary>Inserts the runs that are not in the store yet; returns how many were new.</summary>
    public int Expand(IEnumerable<PlannedRun> runs)
    {
        using var tx = _db.BeginTransaction(deferred: false);
        int added = 0;
        foreach (var r in runs)
        {
            added += Execute("""
                INSERT OR IGNORE INTO runs(key, plan, profile, dataset, experiment, spec, trial, seed, config, status)
                VALUES ($key, $plan, $profile, $dataset, $experiment, $spec, $trial, $seed, $config, 'pending')
                """, tx, ("$key", r.Key), ("$plan", r.Plan), ("$profile", r.Profile), ("$dataset", r.Dataset), ("$experiment", r.ExperimentId),
                ("$spec", r.Spec), ("$trial", r.Trial), ("$seed", r.Seed), ("$config", JsonSerializer.Serialize(r.Config, RunOutputs.Json)));
        }
        tx.Commit();
        return added;
    }

    public sealed record Claim(long Id, string ExperimentId, int Trial, TrainConfig Config, bool Resumed);

    /// <summary>Claims one pending run, or a running one whose owner is gone; null when nothing is claimable.</summary>
    public Claim? TryClaim(RunOwner me, IEnumerable<string>? keys = null)
    {
        using var tx = _db.BeginTransaction(deferred: false);
        var keyFilter = keys?.ToHashSet();
        using var select = Command("SELECT id, experiment, trial, config, status, owner, heartbeat, key FROM runs WHERE status IN ('pending', 'running') ORDER BY trial, id", tx);
        using var reader = select.ExecuteReader();
        Claim? claim = null;
        while (reader.Read())
        {
            if (keyFilter is not null && !keyFilter.Contains(reader.GetString(7))) continue;
            bool running = reader.GetString(4) == "running";
            if (running && !Abandoned(reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), me)) continue;
            claim = new Claim(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2),
                JsonSerializer.Deserialize<TrainConfig>(reader.GetString(3), RunOutputs.Json)!, running);
            break;
        }
        reader.Close();
        if (claim is not null)
            Execute("UPDATE runs SET status = 'running', owner = $owner, heartbeat = $now, started = COALESCE(started, $now) WHERE id = $id",
                tx, ("$owner", me.ToString()), ("$now", Now()), ("$id", claim.Id));
        tx.Commit();
        return claim;
    }

    private static bool Abandoned(string? owner, string? heartbeat, RunOwner me)
    {
        if (owner is null) return true;
        if (heartbeat is not null && DateTime.UtcNow - DateTime.Parse(heartbeat, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) > Lease) return true;
        var other = RunOwner.Parse(owner);
        return other.Host == me.Host && !other.IsAlive();
    }

    public void Heartbeat(long id, RunOwner me) =>
        Execute("UPDATE runs SET heartbeat = $now WHERE id = $id AND owner = $owner", null, ("$now", Now()), ("$id", id), ("$owner", me.ToString()));

    public void Complete(long id, RunOwner me, RunRecord record)
    {
        using var tx = _db.BeginTransaction(deferred: false);
        Execute("DELETE FROM epochs WHERE run_id = $id", tx, ("$id", id));
        foreach (var e in record.Epochs)
            Execute("INSERT INTO epochs VALUES ($id, $epoch, $fraction, $images, $evaluations, $loss, $top1, $seconds, $lr)", tx,
                ("$id", id), ("$epoch", e.Epoch), ("$fraction", e.Fraction), ("$images", e.Images), ("$evaluations", e.Evaluations),
                ("$loss", e.TrainLoss), ("$top1", e.Top1), ("$seconds", e.Seconds), ("$lr", e.Lr));
        int updated = Execute("UPDATE runs SET status = 'completed', record = $record, finished = $now, error = NULL WHERE id = $id AND owner = $owner AND status = 'running'",
            tx, ("$record", JsonSerializer.Serialize(record, RunOutputs.Json)), ("$now", Now()), ("$id", id), ("$owner", me.ToString()));
        if (updated != 1) return; // someone else took it over after our lease expired; their result will be stored
        tx.Commit();
    }

    public void Fail(long id, RunOwner me, string error) =>
        Execute("UPDATE runs SET status = 'failed', error = $error, finished = $now WHERE id = $id AND owner = $owner",
            null, ("$error", error), ("$now", Now()), ("$id", id), ("$owner", me.ToString()));

    public int RetryFailed() => Execute("UPDATE runs SET status = 'pending', error = NULL, owner = NULL WHERE status = 'failed'");

    public IReadOnlyList<SweepRun> ReadAll()
    {
        using var select = Command("SELECT plan, profile, dataset, experiment, spec, trial, seed, status, record, error FROM runs ORDER BY dataset, profile, trial, id");
        using var reader = select.ExecuteReader();
        var runs = new List<SweepRun>();
        while (reader.Read())
        {
            var status = Enum.Parse<RunStatus>(reader.GetString(7), ignoreCase: true);
            var record = reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<RunRecord>(reader.GetString(8), RunOutputs.Json);
            runs.Add(new SweepRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), status, record, reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return runs;
    }

    /// <summary>The completed records among the given run keys, by key.</summary>
    public IReadOnlyDictionary<string, RunRecord> Completed(IEnumerable<string> keys)
    {
        var filter = keys.ToHashSet();
        using var select = Command("SELECT key, record FROM runs WHERE status = 'completed'");
        using var reader = select.ExecuteReader();
        var records = new Dictionary<string, RunRecord>();
        while (reader.Read())
            if (filter.Contains(reader.GetString(0)) && !reader.IsDBNull(1))
                records[reader.GetString(0)] = JsonSerializer.Deserialize<RunRecord>(reader.GetString(1), RunOutputs.Json)!;
        return records;
    }

    public IReadOnlyDictionary<RunStatus, int> Counts(IEnumerable<string>? keys = null)
    {
        var filter = keys?.ToHashSet();
        using var select = Command("SELECT key, status FROM runs");
        using var reader = select.ExecuteReader();
        var counts = Enum.GetValues<RunStatus>().ToDictionary(s => s, _ => 0);
        while (reader.Read())
            if (filter is null || filter.Contains(reader.GetString(0)))
                counts[Enum.Parse<RunStatus>(reader.GetString(1), ignoreCase: true)]++;
        return counts;
    }

    private static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null, params (string Name, object Value)[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private int Execute(string sql, SqliteTransaction? tx = null, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, tx, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    public void Dispose() => _db.Dispose();
}
