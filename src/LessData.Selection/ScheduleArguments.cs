using System.Globalization;

namespace LessData.Selection;

/// <summary>Validation of schedule arguments, with the messages users see.</summary>
internal static class ScheduleArguments
{
    public static double Fraction(double value, string method, string what) =>
        value is > 0 and <= 1 && double.IsFinite(value)
            ? value
            : throw new SelectionException(method == "infobatch" && what == "target fraction" ? "targetFraction" : method is "loss" or "infobatch" ? "selector" : "schedule", string.Create(CultureInfo.InvariantCulture, $"{method}: {what} must be in (0, 1] (got {value})"));

    public static double Portion(double value, string method, string what) =>
        value is >= 0 and <= 1 && double.IsFinite(value)
            ? value
            : throw new SelectionException(method == "infobatch" && what == "target fraction" ? "targetFraction" : method is "loss" or "infobatch" ? "selector" : "schedule", string.Create(CultureInfo.InvariantCulture, $"{method}: {what} must be in [0, 1] (got {value})"));
}
