namespace LessData.Experiments;

/// <summary>
/// Renews a claimed run's lease from a background thread every third of the lease, independently of how long an
/// epoch takes. When the store says the run is no longer ours (the lease expired and another worker took it, or it
/// was completed elsewhere), <c>lost</c> is called once. A store that is briefly unreachable is retried by the store.
/// </summary>
public sealed class LeaseKeeper : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public LeaseKeeper(RunStore store, long id, RunOwner me, Action lost)
    {
        var interval = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, store.Lease.Ticks / 3));
        _thread = new Thread(() =>
        {
            while (!_stop.Token.WaitHandle.WaitOne(interval))
            {
                try
                {
                    if (!store.Heartbeat(id, me)) { lost(); return; }
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                    // the store gave up retrying this beat; the next one tries again, and the lease tells the truth
                }
            }
        }) { IsBackground = true, Name = $"lease {id}" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}
