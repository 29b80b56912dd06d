using LessData.Selection;
using LessData.Training;

namespace LessData.Tuning;

/// <summary>
/// One candidate of `tune`: a delta from the base recipe, a schedule, a selector or both (null = the recipe's own).
/// Written as a schedule spec ("step:0.25@0.5", "increment:0.5", "cut:2"), a selector spec ("infobatch:target=0.5")
/// or both joined by '+' ("step:0.5@0.5+loss:hard=0.5"). Parsed once; <see cref="Spec"/> prints it back canonically.
/// </summary>
internal sealed record TuneCandidate(ISchedule? Schedule, ISelector? Selector)
{
    /// <summary>How errors name the candidate list.</summary>
    public const string Setting = "candidates";

    /// <summary>The canonical spec: schedule, selector, or "schedule+selector".</summary>
    public string Spec => (Schedule, Selector) switch
    {
        ({ } s, null) => s.Spec,
        (null, { } r) => r.Spec,
        ({ } s, { } r) => s.Spec + "+" + r.Spec,
        _ => "recipe",
    };

    public override string ToString() => Spec;

    /// <summary>Parses one candidate (see the type's summary for the forms).</summary>
    public static TuneCandidate Parse(string text)
    {
        var parts = text.Trim().Split('+', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
            throw new UserError($"'{text}' is not a candidate: write a schedule ({Schedules.Forms}), a selector ({Selectors.Forms}) or schedule+selector", parameter: Setting);
        if (parts.Length == 2) return new TuneCandidate(ParseSchedule(parts[0], text), ParseSelector(parts[1], text));
        // The name before ':' says which it is, so a mistyped schedule ("cut:0") gets the schedule's own error.
        var name = parts[0].Split(':', 2)[0].Trim().ToLowerInvariant();
        return ScheduleNames.Contains(name) ? new TuneCandidate(ParseSchedule(parts[0], text), null) : new TuneCandidate(null, ParseSelector(parts[0], text));
    }

    private static readonly HashSet<string> ScheduleNames = ["full", "step", "increment", "cut"];

    /// <summary>The candidate's config: the recipe with this schedule and selector, and the candidates' LR clock when one is given.</summary>
    public TrainConfig Apply(TrainConfig recipe, LrClockKind? clock) => recipe with
    {
        Experiment = recipe.Experiment with
        {
            Schedule = Schedule ?? recipe.Experiment.Schedule,
            Selector = Selector ?? recipe.Experiment.Selector,
            LrClock = clock ?? recipe.Experiment.LrClock,
        },
    };

    private static ISchedule ParseSchedule(string part, string text)
    {
        try { return Schedules.Parse(part); }
        catch (SelectionException e) { throw new UserError($"'{text}': {e.Message}", e, Setting); }
    }

    private static ISelector ParseSelector(string part, string text)
    {
        try { return Selectors.Parse(part); }
        catch (SelectionException e) { throw new UserError($"'{text}': {e.Message}", e, Setting); }
    }
}
