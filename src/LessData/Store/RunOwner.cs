using System.Diagnostics;
using System.Globalization;

namespace LessData.Store;

/// <summary>Who holds a claimed run: host, pid and the process start time (so a reused pid is not mistaken for the owner).</summary>
internal sealed record RunOwner(string Host, int Pid, long StartTicks)
{
    /// <summary>This process on this machine (<see cref="WorkerSeams.Production"/>'s host name).</summary>
    public static RunOwner Current() => Current(WorkerSeams.Production.Host);

    /// <summary>
    /// This process, on the node named <paramref name="host"/> (<see cref="WorkerSeams.Host"/>: tests play several nodes
    /// on one machine). Liveness is checked only for owners of the same name.
    /// </summary>
    public static RunOwner Current(string host)
    {
        using var me = Process.GetCurrentProcess();
        return new RunOwner(host, me.Id, me.StartTime.ToUniversalTime().Ticks);
    }

    public bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            // .NET derives a process's start time from the boot time, which it re-reads: two readings of one process can
            // differ by milliseconds, so "same process" means the same pid started within a second of the recorded time.
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - StartTicks) < TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}/{Pid}/{StartTicks}");

    public static RunOwner Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 3
            ? new RunOwner(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture))
            : new RunOwner(text, -1, 0);
    }
}
