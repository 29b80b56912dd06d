using System.Diagnostics;
using System.Globalization;

namespace LessData.Energy;

/// <summary>The fallback when no counter is readable: a configured device power × wall time. kWh = W · s / 3.6e6.</summary>
internal sealed class PowerModelMeter(double watts) : IEnergyMeter
{
    public double Watts { get; } = watts;

    public string Source => string.Create(CultureInfo.InvariantCulture, $"model:{Watts:0.##}W");

    public IEnergyMeasurement Start() => new Measurement(this);

    public static double Kwh(double watts, double seconds) => watts * seconds / 3.6e6;

    private sealed class Measurement(PowerModelMeter meter) : IEnergyMeasurement
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        public EnergyReading Stop()
        {
            double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
            return new EnergyReading(Kwh(meter.Watts, seconds), meter.Source, seconds);
        }

        public void Dispose() { }
    }
}
