using System.Globalization;
using LessData.Store;

namespace LessData.FaultHost;

/// <summary>
/// With LESSDATA_FAULT_PAUSE=point[:n] (point: claimed, checkpoint-write, before-complete), the n-th time (default the
/// first) the worker reaches that point it prints "fault-pause: point" on stderr and sleeps there, so a test can
/// `kill -9` it at exactly that moment.
/// </summary>
internal sealed class PauseAtFault(FaultPoint point, int nth) : IFaultInjector
{
    public const string EnvironmentVariable = "LESSDATA_FAULT_PAUSE";

    private static readonly Dictionary<string, FaultPoint> s_names = new()
    {
        ["claimed"] = FaultPoint.Claimed,
        ["checkpoint-write"] = FaultPoint.CheckpointWrite,
        ["before-complete"] = FaultPoint.BeforeComplete,
    };

    private int _hits;

    /// <summary>The injector LESSDATA_FAULT_PAUSE asks for, or null when it is unset.</summary>
    public static PauseAtFault? FromEnvironment()
    {
        var spec = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(spec)) return null;
        var parts = spec.Split(':');
        if (!s_names.TryGetValue(parts[0], out var point))
            throw new ArgumentException($"{EnvironmentVariable}={spec}: the point must be one of {string.Join(", ", s_names.Keys)}");
        int nth = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        return new PauseAtFault(point, nth);
    }

    public void Reached(FaultPoint reached)
    {
        if (reached != point || Interlocked.Increment(ref _hits) != nth) return;
        Console.Error.WriteLine($"fault-pause: {s_names.First(p => p.Value == point).Key}");
        Console.Error.Flush();
        Thread.Sleep(TimeSpan.FromMinutes(10));
    }
}
