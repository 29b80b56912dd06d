using System.Globalization;

namespace LessData.Selection;

/// <summary>Validation of method arguments, with the messages users see; <c>parameter</c> is the SelectionException's.</summary>
internal static class ScheduleArguments
{
    public static double Fraction(double value, string method, string what, string parameter) =>
        value is > 0 and <= 1 && double.IsFinite(value)
            ? value
            : throw new SelectionException(parameter, string.Create(CultureInfo.InvariantCulture, $"{method}: {what} must be in (0, 1] (got {value})"));

    public static double Portion(double value, string method, string what, string parameter) =>
        value is >= 0 and <= 1 && double.IsFinite(value)
            ? value
            : throw new SelectionException(parameter, string.Create(CultureInfo.InvariantCulture, $"{method}: {what} must be in [0, 1] (got {value})"));
}
