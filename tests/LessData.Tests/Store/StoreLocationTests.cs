using LessData.Store;
using Npgsql;

namespace LessData.Tests.Store;

public sealed class StoreLocationTests
{
    [Fact]
    public void PostgresUrl_BecomesAConnectionString_WithDecodedPassword()
    {
        var where = StoreLocation.Parse("postgres://ana:p%40ss@db.example.org:6543/grid?sslmode=require");

        var b = new NpgsqlConnectionStringBuilder(((StoreLocation.Postgres)where).ConnectionString);
        b.Host.Should().Be("db.example.org");
        b.Port.Should().Be(6543);
        b.Database.Should().Be("grid");
        b.Username.Should().Be("ana");
        b.Password.Should().Be("p@ss");
        b.SslMode.Should().Be(SslMode.Require);
        where.ToString().Should().Be("postgres://db.example.org:6543/grid").And.NotContain("p@ss");
    }

    [Theory]
    [InlineData("runs.db")]
    [InlineData("/tmp/a b/sweep.sqlite")]
    public void APath_IsSqlite(string path) => StoreLocation.Parse(path).Should().Be(new StoreLocation.Sqlite(path));

    [Fact]
    public void NpgsqlConnectionString_IsPostgres() =>
        StoreLocation.Parse("Host=h;Database=d;Username=u").Should().BeOfType<StoreLocation.Postgres>();

    [Theory]
    [InlineData("mysql://h/d", "unsupported URL scheme")]
    [InlineData("postgres://h/d?nonsense=1", "unknown connection option")]
    public void BadLocations_AreUserErrors(string text, string message) =>
        FluentActions.Invoking(() => StoreLocation.Parse(text)).Should().Throw<LessData.UserError>().Where(e => e.Message.Contains(message) && e.Parameter == StoreLocation.Setting);

    [Fact]
    public void Resolve_PrefersTheOption_ThenTheEnvironment_ThenRunsDb()
    {
        var saved = Environment.GetEnvironmentVariable(StoreLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(StoreLocation.EnvironmentVariable, "postgres://h/env");
            StoreLocation.Resolve("mine.db").Should().Be("mine.db");
            StoreLocation.Resolve(null).Should().Be("postgres://h/env");
            Environment.SetEnvironmentVariable(StoreLocation.EnvironmentVariable, null);
            StoreLocation.Resolve(null).Should().Be("runs.db");
        }
        finally
        {
            Environment.SetEnvironmentVariable(StoreLocation.EnvironmentVariable, saved);
        }
    }
}
