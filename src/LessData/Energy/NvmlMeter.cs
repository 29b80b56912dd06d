using System.Diagnostics;

namespace LessData.Energy;

/// <summary>GPU energy from NVML's cumulative counters: the sum over GPUs of (end − start) mJ.</summary>
internal sealed class NvmlMeter(INvml nvml) : IEnergyMeter
{
    public string Source => "nvml";

    public static NvmlMeter? TryCreate(INvml nvml) => nvml.TotalEnergyMillijoules() is { Count: > 0 } ? new NvmlMeter(nvml) : null;

    public IEnergyMeasurement Start() => new Measurement(nvml);

    private sealed class Measurement(INvml nvml) : IEnergyMeasurement
    {
        private readonly IReadOnlyList<ulong> _start = nvml.TotalEnergyMillijoules() ?? throw new InvalidOperationException("NVML became unavailable");
        private readonly long _t0 = Stopwatch.GetTimestamp();

        public EnergyReading Stop()
        {
            var end = nvml.TotalEnergyMillijoules() ?? throw new InvalidOperationException("NVML became unavailable");
            double mj = end.Zip(_start).Sum(p => (double)(p.First - p.Second));
            return new EnergyReading(mj / 3.6e9, "nvml", Stopwatch.GetElapsedTime(_t0).TotalSeconds);
        }

        public void Dispose() { }
    }
}
