namespace LessData.Selection;

/// <summary>
/// The paper's schedules (how many images each epoch uses), built from typed values or parsed from a spec. Method
/// cards with the definitions and evaluation formulas: docs/methods/.
/// </summary>
public static class Schedules
{
    /// <summary>The baseline: every image, every epoch. Spec "full".</summary>
    public static ISchedule Full() => new FullSchedule();

    /// <summary>Data Step: a fraction <paramref name="fraction"/> for the first round(P·E) epochs, then all. Spec "step:F@P".</summary>
    public static ISchedule Step(double fraction, double portion) => new DataStepSchedule(fraction, portion);

    /// <summary>Data Increment: a fraction growing linearly from <paramref name="fraction"/> to 1. Spec "increment:F".</summary>
    public static ISchedule Increment(double fraction) => new DataIncrementSchedule(fraction);

    /// <summary>Data Cut: N fixed random cuts; section k of the epochs trains on cuts 1..k. Spec "cut:N".</summary>
    public static ISchedule Cut(int cuts) => new DataCutSchedule(cuts);

    /// <summary>Parses full | step:F@P | step:E1..E9 | increment:F | cut:N.</summary>
    /// <exception cref="SelectionException">The spec is malformed or out of range (Parameter "schedule").</exception>
    public static ISchedule Parse(string spec) => ScheduleParser.Parse(spec);

    /// <summary>The spec forms <see cref="Parse"/> accepts, for help texts.</summary>
    public static string Forms => ScheduleParser.Forms;

    /// <summary>Parses a subset policy: "redraw" or "nested"; null or empty gives null (the schedule's own default).</summary>
    /// <exception cref="SelectionException">Any other text (Parameter "subset").</exception>
    public static SubsetPolicy? ParsePolicy(string? text) => ScheduleParser.ParsePolicy(text);
}
