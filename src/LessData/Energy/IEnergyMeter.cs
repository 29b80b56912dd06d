namespace LessData.Energy;

/// <summary>Measures energy between Start and Stop.</summary>
public interface IEnergyMeter
{
    string Source { get; }
    IEnergyMeasurement Start();
}

public interface IEnergyMeasurement : IDisposable
{
    EnergyReading Stop();
}
