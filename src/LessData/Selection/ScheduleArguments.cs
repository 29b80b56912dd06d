using System.Globalization;

namespace LessData.Selection;

/// <summary>Validation of schedule arguments, with the messages users see.</summary>
public static class ScheduleArguments
{
    public static double Fraction(double value, string method, string what) =>
        value is > 0 and <= 1 && double.IsFinite(value)
            ? value
            : throw new UserError(string.Create(CultureInfo.InvariantCulture, $"{method}: {what} must be in (0, 1] (got {value})"));

    public static double Portion(double value, string method, string what) =>
        value is >= 0 and <= 1 && double.IsFinite(value)
            ? value
            : throw new UserError(string.Create(CultureInfo.InvariantCulture, $"{method}: {what} must be in [0, 1] (got {value})"));
}
