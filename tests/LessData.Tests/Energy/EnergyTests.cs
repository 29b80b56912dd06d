using System.Globalization;
using LessData.Energy;

namespace LessData.Tests.Energy;

public sealed class EnergyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lessdata-powercap-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Zone(string name, string label, long energy, long range = 1_000_000)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "name"), label + "\n");
        File.WriteAllText(Path.Combine(dir, "energy_uj"), energy.ToString(CultureInfo.InvariantCulture) + "\n");
        File.WriteAllText(Path.Combine(dir, "max_energy_range_uj"), range.ToString(CultureInfo.InvariantCulture) + "\n");
        return dir;
    }

    private static void Set(string zone, long energy) => File.WriteAllText(Path.Combine(zone, "energy_uj"), energy.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Rapl_SumsPackagesOnly_IgnoringSubZones()
    {
        // Given two packages and a core sub-zone of package 0
        var p0 = Zone("intel-rapl:0", "package-0", 1_000);
        var p1 = Zone("intel-rapl:1", "package-1", 5_000);
        var core = Zone("intel-rapl:0:0", "core", 100);
        var meter = RaplMeter.TryCreate(_root)!;

        // When 0.6 J and 0.3 J pass on the packages, and the sub-zone moves too
        var m = meter.Start();
        Set(p0, 1_000 + 600_000);
        Set(p1, 5_000 + 300_000);
        Set(core, 999_999);
        var reading = m.Stop();

        // Then only the packages count: 0.9 J = 2.5e-7 kWh
        reading.Source.Should().Be("rapl");
        reading.Kwh.Should().BeApproximately(900_000 / 3.6e12, 1e-15);
    }

    [Fact]
    public void Rapl_CounterWraps_AddsRange()
    {
        RaplMeter.Delta(before: 990_000, after: 10_000, range: 1_000_000).Should().Be(20_000);
        RaplMeter.Delta(before: 10_000, after: 30_000, range: 1_000_000).Should().Be(20_000);
    }

    [Fact]
    public void Rapl_NoPackageDomainsOrNoTree_IsUnavailable()
    {
        RaplMeter.TryCreate(Path.Combine(_root, "missing")).Should().BeNull();
        Zone("intel-rapl:0:0", "core", 1);
        RaplMeter.TryCreate(_root).Should().BeNull("a sub-zone alone is not a package");
    }

    [Fact]
    public void Choice_FallsBackToThePowerModel_AndSaysSo()
    {
        var meter = EnergyMeters.ForDevice("cpu", 65, powercapRoot: Path.Combine(_root, "none"));

        meter.Source.Should().Be("model:65W");
    }

    [Fact]
    public void Choice_PrefersRaplForCpu()
    {
        Zone("intel-rapl:0", "package-0", 1);

        EnergyMeters.ForDevice("cpu", 65, powercapRoot: _root).Source.Should().Be("rapl");
    }

    [Fact]
    public void PowerModel_65WattsForAnHour_Is0065Kwh()
    {
        PowerModelMeter.Kwh(65, 3600).Should().BeApproximately(0.065, 1e-12);
        Carbon.Grams(0.065).Should().BeApproximately(0.065 * 475, 1e-9);
        Carbon.Grams(1, 100).Should().Be(100);
    }

    private sealed class FakeNvml(params ulong[][] readings) : INvml
    {
        private int _next;
        public IReadOnlyList<ulong>? TotalEnergyMillijoules() => readings.Length == 0 ? null : readings[Math.Min(_next++, readings.Length - 1)];
    }

    [Fact]
    public void Nvml_SumsEveryGpusCounterDelta()
    {
        // probe, start, stop readings for two GPUs
        var nvml = new FakeNvml([0, 0], [1_000, 2_000], [1_000 + 1_800_000, 2_000 + 1_800_000]);
        var meter = NvmlMeter.TryCreate(nvml)!;

        var reading = meter.Start().Stop();

        reading.Kwh.Should().BeApproximately(3_600_000 / 3.6e9, 1e-12, "3600 J = 0.001 kWh");
        EnergyMeters.ForDevice("cuda", 65, nvml: new FakeNvml()).Source.Should().StartWith("model:", "no NVML → the power model");
    }
}
