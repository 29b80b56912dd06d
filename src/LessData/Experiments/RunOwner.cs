using System.Diagnostics;
using System.Globalization;

namespace LessData.Experiments;

/// <summary>Who holds a claimed run: host, pid and the process start time (so a reused pid is not mistaken for the owner).</summary>
public sealed record RunOwner(string Host, int Pid, long StartTicks)
{
    public static RunOwner Current()
    {
        using var me = Process.GetCurrentProcess();
        return new RunOwner(Environment.MachineName, me.Id, me.StartTime.ToUniversalTime().Ticks);
    }

    public bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return !process.HasExited && process.StartTime.ToUniversalTime().Ticks == StartTicks;
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
