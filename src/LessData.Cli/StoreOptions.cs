using System.CommandLine;
using System.Globalization;
using LessData.Store;

namespace LessData.Cli;

/// <summary>The --store and --lease options every store command shares: a SQLite path or PostgreSQL URL, else $LESSDATA_STORE, else runs.db.</summary>
public static class StoreOptions
{
    public const string LeaseVariable = "LESSDATA_LEASE_SECONDS";

    public static Option<string?> Store() =>
        Store($"Results store: a SQLite file, a postgres://user:pass@host:port/db URL or an Npgsql connection string (default ${StoreLocation.EnvironmentVariable}, else {StoreLocation.DefaultPath})");

    /// <summary>--store with a command's own help text (compare: its own SQLite store by default).</summary>
    public static Option<string?> Store(string description) => new("--store") { Description = description };

    public static Option<int?> Lease() =>
        new("--lease") { Description = $"Seconds a claimed run stays ours without a heartbeat (default ${LeaseVariable}, else 600)" };

    /// <summary>--store-patience: how long a run in hand waits for an unreachable store (its checkpoint and result writes).</summary>
    public static Option<int?> Patience() =>
        new("--store-patience") { Description = $"Seconds a running run waits for an unreachable store (retrying its checkpoint and result) before it stops, unmarked (default {RunStore.DefaultOutagePatience.TotalSeconds.ToString(CultureInfo.InvariantCulture)})" };

    /// <summary>Applies --store-patience, and prints each retry of an unreachable store with <paramref name="say"/>.</summary>
    public static void Configure(RunStore store, int? patienceSeconds, Action<string> say)
    {
        if (patienceSeconds is { } p)
        {
            if (p < 0) throw new UserError($"--store-patience must be 0 or more seconds (got {p})");
            store.OutagePatience = TimeSpan.FromSeconds(p);
        }
        store.Retrying = say;
    }

    public static TimeSpan? LeaseOf(int? seconds)
    {
        int? s = seconds ?? (Environment.GetEnvironmentVariable(LeaseVariable) is { Length: > 0 } env
            ? int.TryParse(env, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new UserError($"${LeaseVariable} must be a whole number of seconds (got '{env}')")
            : null);
        if (s is < 2) throw new UserError($"--lease must be at least 2 seconds (got {s})");
        return s is { } x ? TimeSpan.FromSeconds(x) : null;
    }

    public static RunStore Open(string? store, int? leaseSeconds = null) => RunStore.Open(StoreLocation.Resolve(store), LeaseOf(leaseSeconds));

    /// <summary>
    /// Refuses a SQLite store that does not exist yet: for commands that only read, and for `worker`, where a
    /// mistyped path would otherwise create an empty store and finish at once with nothing done.
    /// </summary>
    public static RunStore OpenExisting(string? store, int? leaseSeconds = null)
    {
        var location = StoreLocation.Resolve(store);
        if (StoreLocation.Parse(location) is StoreLocation.Sqlite s && !File.Exists(s.Path))
            throw new UserError($"{s.Path}: store not found; run 'lessdata sweep --store {s.Path}' first");
        return RunStore.Open(location, LeaseOf(leaseSeconds));
    }
}
