using System.Globalization;
using LessData.Statistics;

namespace LessData.Reports;

/// <summary>Number formatting for reports: invariant culture, "n/a" for undefined values.</summary>
internal static class ReportFormat
{
    public static string F(double value, string format) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Signed(double value, string format = "0.00") => F(value, $"+{format};-{format};{format}");

    public static string P(double p) => PValueText.Format(p);

    internal static string Trials(ReportRow r)
    {
        var missing = new List<string>();
        if (r.Pending > 0) missing.Add($"{r.Pending} pending");
        if (r.Running > 0) missing.Add($"{r.Running} running");
        if (r.Failed > 0) missing.Add($"{r.Failed} failed");
        return missing.Count == 0 ? r.Completed.ToString(CultureInfo.InvariantCulture) : $"{r.Completed} ({string.Join(", ", missing)})";
    }
}
