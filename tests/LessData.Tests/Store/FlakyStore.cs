using System.Data.Common;
using LessData.Store;
using Microsoft.Data.Sqlite;

namespace LessData.Tests.Store;

/// <summary>
/// A SQLite store that can be taken away, like a database server that stops: while <see cref="Down"/>, every
/// operation fails as an unreachable store does. A single attempt (a heartbeat) fails at once; an operation allowed to
/// wait "waits" by calling <see cref="Waiting"/> (the test brings the store back there, or not), and fails if the
/// store is still down after <see cref="MaxWaits"/> waits (the patience exhausted).
/// </summary>
internal sealed class FlakyStore : RunStore
{
    private readonly string _connectionString;

    public FlakyStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        Initialize();
    }

    public bool Down { get; set; }
    public Action<FlakyStore>? Waiting { get; set; }
    public int MaxWaits { get; set; } = 3;
    public List<TimeSpan?> FailedBudgets { get; } = [];

    public override string Location => "flaky";
    public override string SideFolder => Path.GetTempPath();
    private protected override RunStoreSchema.Types Types { get; } = new("INTEGER PRIMARY KEY", "INTEGER", "REAL", "BLOB");
    private protected override string ClaimLock => "";
    private protected override string RowLock => "";

    private protected override DbConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    private protected override DbTransaction Begin(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    private protected override T Retry<T>(Func<T> operation, TimeSpan? budget)
    {
        for (int waits = 0; Down; waits++)
        {
            if (budget == TimeSpan.Zero || waits == MaxWaits)
            {
                FailedBudgets.Add(budget);
                throw new StoreUnreachableException("flaky: the store is unreachable", TimeSpan.FromSeconds(waits), new IOException("connection refused"));
            }
            Waiting?.Invoke(this);
        }
        return operation();
    }
}
