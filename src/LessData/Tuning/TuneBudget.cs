using System.Globalization;

namespace LessData.Tuning;

/// <summary>
/// What `tune` may spend: training runs (the baseline's included) or hours. Hours are counted on the completed runs'
/// measured wall time; a run not yet made is estimated as its evaluations × the seconds per evaluated image measured
/// on the runs done so far.
/// </summary>
internal sealed record TuneBudget(int? Runs, double? Hours)
{
    public const string RunsSetting = "budgetRuns", HoursSetting = "budgetHours";

    public static TuneBudget Of(int? runs, double? hours) => (runs, hours) switch
    {
        (null, null) => throw new UserError("or the budget in hours is needed: the runs to make in all, the baseline's included", parameter: RunsSetting),
        ({ }, { }) => throw new UserError("cannot be given with the budget in runs: give one budget", parameter: HoursSetting),
        ({ } r, null) when r < 1 => throw new UserError($"must be at least 1 (got {r})", parameter: RunsSetting),
        (null, { } h) when !(h > 0) || double.IsInfinity(h) => throw new UserError($"must be a positive number of hours (got {h.ToString(CultureInfo.InvariantCulture)})", parameter: HoursSetting),
        _ => new TuneBudget(runs, hours),
    };

    /// <summary>The limit in its own unit: runs, or hours.</summary>
    public double Limit => Runs ?? Hours!.Value;

    public string Unit => Runs is null ? "hours" : "runs";

    public string Describe(double used) => Runs is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{used:0} of {r} runs")
        : string.Create(CultureInfo.InvariantCulture, $"{used:0.###} of {Hours:0.###} hours");
}
