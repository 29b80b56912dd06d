namespace LessData.Energy;

/// <summary>CO2 = energy × carbon intensity. Default 475 gCO2e/kWh, the world average CodeCarbon uses.</summary>
internal static class Carbon
{
    public const double WorldAverageGramsPerKwh = 475;

    public static double Grams(double kwh, double gramsPerKwh = WorldAverageGramsPerKwh) => kwh * gramsPerKwh;
}
