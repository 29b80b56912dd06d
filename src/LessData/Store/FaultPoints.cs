using System.Globalization;

namespace LessData.Store;

/// <summary>
/// Named places where the integration tests kill a worker. With LESSDATA_FAULT_PAUSE=point[:n] set, the n-th time
/// (default the first) the process reaches that point it prints "fault-pause: point" on stderr and sleeps there, so a
/// test can `kill -9` it at exactly that moment. Unset (always, outside the tests) it does nothing.
/// Points: claimed (a run was claimed, nothing trained), checkpoint-write (inside the checkpoint transaction, before
/// commit), before-complete (trained, result not yet stored).
/// </summary>
public static class FaultPoints
{
    public const string EnvironmentVariable = "LESSDATA_FAULT_PAUSE";
    private static int s_hits;

    public static void Pause(string point)
    {
        var spec = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(spec)) return;
        var parts = spec.Split(':');
        if (parts[0] != point) return;
        int nth = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        if (Interlocked.Increment(ref s_hits) != nth) return;
        Console.Error.WriteLine($"fault-pause: {point}");
        Console.Error.Flush();
        Thread.Sleep(TimeSpan.FromMinutes(10));
    }
}
