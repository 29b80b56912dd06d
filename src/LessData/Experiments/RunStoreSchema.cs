namespace LessData.Experiments;

/// <summary>The store's tables (version 1). runs.key identifies a run (config, cell, trial); epochs mirrors run.json rows for SQL queries.</summary>
public static class RunStoreSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            plan TEXT NOT NULL, profile TEXT NOT NULL, dataset TEXT NOT NULL,
            experiment TEXT NOT NULL, spec TEXT NOT NULL, trial INTEGER NOT NULL, seed INTEGER NOT NULL,
            config TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
            owner TEXT, heartbeat TEXT, started TEXT, finished TEXT, error TEXT,
            record TEXT);
        CREATE TABLE IF NOT EXISTS epochs(
            run_id INTEGER NOT NULL REFERENCES runs(id),
            epoch INTEGER NOT NULL, fraction REAL NOT NULL, images INTEGER NOT NULL, evaluations INTEGER NOT NULL,
            train_loss REAL NOT NULL, top1 REAL NOT NULL, seconds REAL NOT NULL, lr REAL NOT NULL,
            PRIMARY KEY (run_id, epoch));
        """;
}
