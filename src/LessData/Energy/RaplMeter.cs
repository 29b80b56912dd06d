using System.Diagnostics;
using System.Globalization;

namespace LessData.Energy;

/// <summary>
/// Linux powercap / RAPL: the package domains /sys/class/powercap/intel-rapl:N (not the sub-zones intel-rapl:N:M,
/// which are parts of a package and would be counted twice). energy_uj is a wrapping counter; a reading lower than the
/// previous one adds max_energy_range_uj. Unreadable files (non-root on recent kernels) make the meter unavailable.
/// </summary>
internal sealed class RaplMeter : IEnergyMeter
{
    private readonly IReadOnlyList<string> _domains;

    private RaplMeter(IReadOnlyList<string> domains) => _domains = domains;

    public string Source => "rapl";

    /// <summary>The meter for a powercap root, or null when no package domain can be read.</summary>
    public static RaplMeter? TryCreate(string powercapRoot = "/sys/class/powercap")
    {
        if (!Directory.Exists(powercapRoot)) return null;
        var domains = Directory.GetDirectories(powercapRoot, "intel-rapl:*")
            .Where(d => Path.GetFileName(d).Count(c => c == ':') == 1)
            .Where(d => ReadName(d)?.StartsWith("package", StringComparison.Ordinal) ?? false)
            .Where(d => ReadCounter(Path.Combine(d, "energy_uj")) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        return domains.Count == 0 ? null : new RaplMeter(domains);
    }

    public IEnergyMeasurement Start() => new Measurement(this);

    private long[] Read() => [.. _domains.Select(d => ReadCounter(Path.Combine(d, "energy_uj")) ?? throw new IOException($"{d}/energy_uj became unreadable"))];

    private long Range(int i) => ReadCounter(Path.Combine(_domains[i], "max_energy_range_uj")) ?? long.MaxValue;

    /// <summary>Microjoules between two readings of one counter, allowing one wrap.</summary>
    public static long Delta(long before, long after, long range) => after >= before ? after - before : range - before + after;

    private static string? ReadName(string domain)
    {
        try { return File.ReadAllText(Path.Combine(domain, "name")).Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static long? ReadCounter(string path)
    {
        try { return long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    private sealed class Measurement(RaplMeter meter) : IEnergyMeasurement
    {
        private readonly long[] _start = meter.Read();
        private readonly long _t0 = Stopwatch.GetTimestamp();

        public EnergyReading Stop()
        {
            var end = meter.Read();
            long microjoules = 0;
            for (int i = 0; i < end.Length; i++) microjoules += Delta(_start[i], end[i], meter.Range(i));
            return new EnergyReading(microjoules / 3.6e12, meter.Source, Stopwatch.GetElapsedTime(_t0).TotalSeconds);
        }

        public void Dispose() { }
    }
}
