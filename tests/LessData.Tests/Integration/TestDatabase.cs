using LessData.Store;
using Npgsql;

namespace LessData.Tests.Integration;

/// <summary>
/// A fresh PostgreSQL database for one test, on the server scripts/cluster started ($LESSDATA_TEST_STORE, the URL
/// `scripts/cluster up` printed); dropped afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _admin;

    public TestDatabase()
    {
        var baseUrl = Environment.GetEnvironmentVariable("LESSDATA_TEST_STORE")
            ?? throw new InvalidOperationException("integration tests need $LESSDATA_TEST_STORE: run them through .ci/run (or scripts/cluster up)");
        _admin = ((StoreLocation.Postgres)StoreLocation.Parse(baseUrl)).ConnectionString;
        Name = "lessdata_it_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE {Name}");
        var uri = new Uri(baseUrl);
        Url = $"{uri.Scheme}://{uri.UserInfo}@{uri.Host}:{uri.Port}/{Name}";
    }

    public string Name { get; }
    public string Url { get; }

    public RunStore Open() => RunStore.Open(Url);

    public long Count(string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Database = Name, Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try { Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)"); } catch (NpgsqlException) { }
    }
}
