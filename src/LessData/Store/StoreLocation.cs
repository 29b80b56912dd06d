using Npgsql;

namespace LessData.Store;

/// <summary>
/// Where a store lives, parsed once from what the user typed: a SQLite file path (the default), a
/// postgres://user:pass@host:port/db URL (postgresql:// too), or an Npgsql connection string ("Host=…;Database=…").
/// </summary>
public abstract record StoreLocation
{
    /// <summary>The environment variable that names the store when no store is given.</summary>
    public const string EnvironmentVariable = "LESSDATA_STORE";
    /// <summary>The SQLite file used when neither a store nor the environment variable is given.</summary>
    public const string DefaultPath = "runs.db";

    /// <summary>A SQLite file.</summary>
    /// <param name="Path">The file's path, as given.</param>
    public sealed record Sqlite(string Path) : StoreLocation
    {
        /// <summary>The file's path.</summary>
        public override string ToString() => Path;
    }

    /// <summary>A PostgreSQL database.</summary>
    /// <param name="ConnectionString">An Npgsql connection string (a postgres:// URL is converted to one).</param>
    public sealed record Postgres(string ConnectionString) : StoreLocation
    {
        /// <summary>host:port/database, without user or password, for messages.</summary>
        public override string ToString()
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgres://{b.Host}:{b.Port}/{b.Database}";
        }
    }

    /// <summary>How errors name the store setting (the CLI maps it to its flag).</summary>
    public const string Setting = "store";

    /// <summary>The given store, else $LESSDATA_STORE, else runs.db.</summary>
    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : DefaultPath;

    /// <summary>The store <paramref name="text"/> names: a postgres:// URL or an Npgsql connection string, else a SQLite path; a user error for an empty text or another URL scheme.</summary>
    public static StoreLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UserError("is empty", parameter: Setting);
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new Postgres(FromUrl(text));
        if (text.Contains('=') && text.Contains(';') || text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var b = new NpgsqlConnectionStringBuilder(text);
                if (string.IsNullOrEmpty(b.Host)) throw new UserError("is a connection string with no Host=", parameter: Setting);
                return new Postgres(b.ConnectionString);
            }
            catch (ArgumentException e)
            {
                throw new UserError($"is not a valid Npgsql connection string ({e.Message})", parameter: Setting);
            }
        }
        if (text.Contains("://", StringComparison.Ordinal)) throw new UserError($"has an unsupported URL scheme in '{text.Split("://")[0]}://…' (use a SQLite path or postgres://)", parameter: Setting);
        return new Sqlite(text);
    }

    private static string FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new UserError("is not a PostgreSQL URL; one looks like postgres://user:password@host:5432/database", parameter: Setting);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try { b[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true"; }
            catch (ArgumentException) { throw new UserError($"has an unknown connection option '{kv[0]}' in the URL", parameter: Setting); }
        }
        return b.ConnectionString;
    }
}
