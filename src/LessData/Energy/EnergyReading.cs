namespace LessData.Energy;

/// <summary>Energy used over a measurement, and which source produced the figure.</summary>
internal sealed record EnergyReading(double Kwh, string Source, double Seconds);
