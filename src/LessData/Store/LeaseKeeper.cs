using System.Globalization;

namespace LessData.Store;

/// <summary>
/// Renews a claimed run's lease from a background thread every third of the lease, independently of how long an
/// epoch takes. When the store says the run is no longer ours (the lease expired and another worker took it, or it
/// was completed elsewhere), <c>lost</c> is called once. A beat that fails (the store unreachable, or anything else)
/// is told to <c>log</c> and tried again soon (within 5 s); nothing thrown on this thread ever leaves it, because an
/// exception escaping a thread ends the process.
/// </summary>
internal sealed class LeaseKeeper : IDisposable
{
    /// <summary>After a failed beat, the next one comes at most this much later.</summary>
    internal static readonly TimeSpan RetrySoon = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public LeaseKeeper(RunStore store, long id, RunOwner me, Action lost, Action<string>? log = null)
        : this(() => store.Heartbeat(id, me), TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, store.Lease.Ticks / 3)), lost, log,
            $"lease {id.ToString(CultureInfo.InvariantCulture)}")
    {
    }

    /// <summary>The keeper around any beat (true: still ours; false: lost), for tests.</summary>
    internal LeaseKeeper(Func<bool> beat, TimeSpan interval, Action lost, Action<string>? log, string name)
    {
        _thread = new Thread(() => Keep(beat, interval, lost, log)) { IsBackground = true, Name = name };
        _thread.Start();
    }

    private void Keep(Func<bool> beat, TimeSpan interval, Action lost, Action<string>? log)
    {
        var wait = interval;
        while (!_stop.Token.WaitHandle.WaitOne(wait))
        {
            try
            {
                if (!beat())
                {
                    lost();
                    return;
                }
                wait = interval;
            }
#pragma warning disable CA1031 // the point of this thread: nothing may escape it
            catch (Exception e)
            {
                if (_stop.IsCancellationRequested) return;
                wait = interval < RetrySoon ? interval : RetrySoon;
                try { log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"heartbeat missed ({e.Message.Split('\n')[0]}); next try in {wait.TotalSeconds:0} s")); }
                catch (Exception) { }
            }
#pragma warning restore CA1031
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}
