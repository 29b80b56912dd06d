using System.Globalization;

namespace LessData.Statistics;

/// <summary>How tables print a p-value: three decimals, "&lt;0.001" below that, "n/a" when undefined.</summary>
internal static class PValueText
{
    /// <summary>The p-value <paramref name="p"/> as a table shows it.</summary>
    public static string Format(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
