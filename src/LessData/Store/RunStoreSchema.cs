namespace LessData.Store;

/// <summary>
/// The store's tables, the same for SQLite and PostgreSQL (column types come from the dialect). Version 3:
/// runs (one row per planned run; key = the experiment's identity; a running run carries its holder's lease length
/// and the moment that lease expires), epochs (run.json rows for SQL queries),
/// checkpoints (each running run's last finished epoch, so any node can resume it), claims (an append-only log of
/// every claim, release, completion and rejection) and duplicate_results (a second finisher's result, kept apart).
/// </summary>
internal static class RunStoreSchema
{
    public const int Version = 3;

    /// <summary>Column lists in a fixed order: what `store copy` moves, table by table (parents first).</summary>
    public static readonly IReadOnlyList<(string Table, string[] Columns)> Tables =
    [
        ("runs", ["id", "key", "plan", "profile", "dataset", "experiment", "spec", "trial", "seed", "config", "status",
                  "owner", "heartbeat", "started", "finished", "error", "record", "epoch", "hardware", "lease", "expires"]),
        ("epochs", ["run_id", "epoch", "fraction", "images", "evaluations", "train_loss", "top1", "seconds", "lr"]),
        ("checkpoints", ["run_id", "epoch", "owner", "saved", "data"]),
        ("claims", ["seq", "run_id", "owner", "event", "at"]),
        ("duplicate_results", ["seq", "run_id", "owner", "at", "reason", "record"]),
    ];

    /// <summary>Tables whose first column is generated (an identity), so a copy resets its counter.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> Generated = [("runs", "id"), ("claims", "seq"), ("duplicate_results", "seq")];

    public sealed record Types(string Key, string Int, string Real, string Blob);

    public static string Meta => "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);";

    public static string Create(Types t) => $"""
        CREATE TABLE IF NOT EXISTS runs(
            id {t.Key},
            key TEXT NOT NULL UNIQUE,
            plan TEXT NOT NULL, profile TEXT NOT NULL, dataset TEXT NOT NULL,
            experiment TEXT NOT NULL, spec TEXT NOT NULL, trial {t.Int} NOT NULL, seed {t.Int} NOT NULL,
            config TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
            owner TEXT, heartbeat TEXT, started TEXT, finished TEXT, error TEXT,
            record TEXT, epoch {t.Int}, hardware TEXT, lease {t.Int}, expires TEXT);
        CREATE TABLE IF NOT EXISTS epochs(
            run_id {t.Int} NOT NULL REFERENCES runs(id),
            epoch {t.Int} NOT NULL, fraction {t.Real} NOT NULL, images {t.Int} NOT NULL, evaluations {t.Int} NOT NULL,
            train_loss {t.Real} NOT NULL, top1 {t.Real} NOT NULL, seconds {t.Real} NOT NULL, lr {t.Real} NOT NULL,
            PRIMARY KEY (run_id, epoch));
        {Added(t)}
        """;

    /// <summary>What version 2 added to version 1 (new tables only; new columns come from <see cref="MigrateFrom1"/>).</summary>
    private static string Added(Types t) => $"""
        CREATE TABLE IF NOT EXISTS checkpoints(
            run_id {t.Int} PRIMARY KEY REFERENCES runs(id),
            epoch {t.Int} NOT NULL, owner TEXT NOT NULL, saved TEXT NOT NULL, data {t.Blob} NOT NULL);
        CREATE TABLE IF NOT EXISTS claims(
            seq {t.Key}, run_id {t.Int} NOT NULL, owner TEXT NOT NULL, event TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS duplicate_results(
            seq {t.Key}, run_id {t.Int} NOT NULL, owner TEXT NOT NULL, at TEXT NOT NULL, reason TEXT NOT NULL, record TEXT NOT NULL);
        """;

    public static string MigrateFrom1(Types t) => $"""
        ALTER TABLE runs ADD COLUMN epoch {t.Int};
        ALTER TABLE runs ADD COLUMN hardware TEXT;
        {Added(t)}
        """;

    /// <summary>
    /// Version 3 stores the lease with the claim: its length in seconds (the holder's, not the claimer's) and when it
    /// expires. A run claimed under version 2 has neither; it is judged by its heartbeat and the claimer's lease, as before.
    /// </summary>
    public static string MigrateFrom2(Types t) => $"""
        ALTER TABLE runs ADD COLUMN lease {t.Int};
        ALTER TABLE runs ADD COLUMN expires TEXT;
        """;
}
