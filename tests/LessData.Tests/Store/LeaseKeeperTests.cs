using LessData.Store;

namespace LessData.Tests.Store;

public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void FailingBeats_AreLoggedAndRetried_AndNeverLeaveTheThread()
    {
        // Given a store that fails every beat
        int beats = 0;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var keeper = new LeaseKeeper(() => { Interlocked.Increment(ref beats); throw new StoreUnreachableException("down", TimeSpan.Zero, new IOException("refused")); },
            Fast, () => throw new InvalidOperationException("not lost"), log.Enqueue, "test");

        // When it keeps failing for a while
        SpinWait.SpinUntil(() => Volatile.Read(ref beats) >= 3, TimeSpan.FromSeconds(10)).Should().BeTrue();
        keeper.Dispose();

        // Then each failure was logged and the next beat came (an escaped exception would have ended the test process)
        log.Should().HaveCountGreaterThanOrEqualTo(2).And.AllSatisfy(l => l.Should().Contain("heartbeat missed (down)"));
    }

    [Fact]
    public void ABeatThatThrowsWhileDisposing_DoesNotEscape()
    {
        // Given a beat that is in progress when the keeper is disposed, and throws then (the store closing under it)
        using var inBeat = new ManualResetEventSlim();
        using var disposing = new ManualResetEventSlim();
        var keeper = new LeaseKeeper(() => { inBeat.Set(); disposing.Wait(); throw new ObjectDisposedException("store"); }, Fast, () => { }, null, "test");
        inBeat.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();

        // When it is disposed mid-beat
        var dispose = new Thread(keeper.Dispose);
        dispose.Start();
        Thread.Sleep(200);
        disposing.Set();

        // Then Dispose returns, and the exception stayed on the keeper's thread
        dispose.Join(TimeSpan.FromSeconds(10)).Should().BeTrue();
    }

    [Fact]
    public void ALostRun_IsReportedOnce_AndTheKeeperStops()
    {
        int beats = 0, lost = 0;
        using (var keeper = new LeaseKeeper(() => { Interlocked.Increment(ref beats); return false; }, Fast, () => Interlocked.Increment(ref lost), null, "test"))
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref lost) == 1, TimeSpan.FromSeconds(10)).Should().BeTrue();
            Thread.Sleep(100);
        }
        lost.Should().Be(1);
        beats.Should().Be(1);
    }
}
