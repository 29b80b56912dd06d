using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace LessData.Store;

/// <summary>The store in one SQLite file (WAL, 30 s busy timeout): the default, for one machine.</summary>
internal sealed class SqliteRunStore : RunStore
{
    private readonly string _connectionString;

    public SqliteRunStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        CreateFolder(path);
        try
        {
            using (var c = Connect()) Exec(c, null, "PRAGMA journal_mode = WAL;");
            Initialize();
        }
        catch (SqliteException e)
        {
            throw new UserError($"{path}: cannot open as a LessData store ({e.Message})");
        }
    }

    /// <summary>A new store may name a folder that does not exist yet (runs/sweep1/runs.db): it is created, as an output folder is.</summary>
    private static void CreateFolder(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot create the store's folder {folder} ({e.Message}); choose a writable location",
                e, Parameters.Store);
        }
    }

    public string Path { get; }
    public override string Location => Path;
    public override string SideFolder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    private protected override RunStoreSchema.Types Types { get; } = new("INTEGER PRIMARY KEY", "INTEGER", "REAL", "BLOB");
    private protected override string ClaimLock => "";
    private protected override string RowLock => "";

    private protected override DbConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, null, "PRAGMA busy_timeout = 30000;");
        return c;
    }

    /// <summary>IMMEDIATE: the write lock is taken at BEGIN, so two claimers never read the same pending run.</summary>
    private protected override DbTransaction Begin(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);
}
