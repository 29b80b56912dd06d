namespace LessData.Store;

/// <summary>
/// The store did not answer within the time an operation was allowed to wait for it (a lost connection, a server
/// restarting): the environment's problem, not the run's. A worker that meets it with a run in hand stops that run
/// without marking it failed; the run becomes claimable again when its lease expires.
/// </summary>
public sealed class StoreUnreachableException(string message, TimeSpan waited, Exception inner) : Exception(message, inner)
{
    /// <summary>How long the operation waited for the store before giving up.</summary>
    public TimeSpan Waited { get; } = waited;
}
