using System.Globalization;

namespace LessData.Selection;

/// <summary>Parses schedule specs: full | step:F@P | step:E1..E9 | increment:F | cut:N.</summary>
internal static class ScheduleParser
{
    public const string Forms = "full, step:F@P (e.g. step:0.25@0.5), step:E1..E9, increment:F (e.g. increment:0.25), cut:N (e.g. cut:5)";

    public static ISchedule Parse(string spec)
    {
        var text = (spec ?? "").Trim().ToLowerInvariant();
        int colon = text.IndexOf(':');
        var method = colon < 0 ? text : text[..colon];
        var argument = colon < 0 ? null : text[(colon + 1)..];
        return (method, argument) switch
        {
            ("full", null) => new FullSchedule(),
            ("step", { } a) when a.StartsWith('e') => StepFromGrid(a, spec!),
            ("step", { } a) when a.Contains('@') => new DataStepSchedule(Number(a[..a.IndexOf('@')], spec!), Number(a[(a.IndexOf('@') + 1)..], spec!)),
            ("increment", { } a) => new DataIncrementSchedule(Number(a, spec!)),
            ("cut", { } a) => new DataCutSchedule(Whole(a, spec!)),
            _ => throw new SelectionException("schedule", $"unknown schedule '{spec}': use one of {Forms}"),
        };
    }

    private static DataStepSchedule StepFromGrid(string argument, string spec)
    {
        if (!int.TryParse(argument[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int e))
            throw new SelectionException("schedule", $"schedule '{spec}': expected step:E1..E9");
        var (f, p) = PaperGrid.Step(e);
        return new DataStepSchedule(f, p);
    }

    private static double Number(string text, string spec) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : throw new SelectionException("schedule", $"schedule '{spec}': '{text}' is not a number (write fractions like 0.25)");

    private static int Whole(string text, string spec) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw new SelectionException("schedule", $"schedule '{spec}': the number of cuts must be a whole number ≥ 1 (got '{text}')");

    public static SubsetPolicy? ParsePolicy(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "redraw" => SubsetPolicy.Redraw,
        "nested" => SubsetPolicy.Nested,
        _ => throw new SelectionException("subset", $"subset policy must be 'redraw' or 'nested' (got '{text}')"),
    };
}
