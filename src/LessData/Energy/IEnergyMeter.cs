namespace LessData.Energy;

/// <summary>Measures energy between Start and Stop.</summary>
internal interface IEnergyMeter
{
    string Source { get; }
    IEnergyMeasurement Start();
}

internal interface IEnergyMeasurement : IDisposable
{
    EnergyReading Stop();
}
