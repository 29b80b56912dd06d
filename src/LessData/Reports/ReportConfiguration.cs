using System.Text.Json;
using System.Text.Json.Nodes;
using LessData.Runs;
using LessData.Selection;
using LessData.Store;
using LessData.Training;

namespace LessData.Reports;

/// <summary>
/// One table of a report: the runs of one dataset and profile whose experiment is the same apart from what a cell
/// chooses (schedule, selector, subset policy, stratification) and the seed: the same model, recipe, epochs, limits and
/// final window. Only such runs are compared, and they are paired by seed. Differs names what sets this configuration
/// apart from the others of its dataset and profile (e.g. "epochs 24"); empty when there is only one.
/// </summary>
internal sealed record ReportConfiguration(string Dataset, string Profile, string Key, string Differs, IReadOnlyList<SweepRun> Runs)
{
    /// <summary>Key of the runs that have not completed when their dataset and profile hold several configurations.</summary>
    public const string Unknown = "?";

    public string Title => $"{Dataset}, profile {Profile}" + (Differs.Length == 0 ? "" : " — " + Differs);

    /// <summary>True when the runs include a completed Baseline.</summary>
    public bool HasBaseline => Runs.Any(r => r.ExperimentId == "Baseline" && r.Status == RunStatus.Completed && r.Record is not null);

    /// <summary>
    /// Groups runs into configurations, ordered by dataset, profile and then key. A run that has not completed has no
    /// record to read its configuration from: it joins its dataset and profile's only configuration, or, when there
    /// are several, a group of its own ("not completed: configuration unknown").
    /// </summary>
    public static IReadOnlyList<ReportConfiguration> Group(IEnumerable<SweepRun> runs)
    {
        var result = new List<ReportConfiguration>();
        foreach (var g in runs.GroupBy(r => (r.Dataset, r.Profile)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Profile, StringComparer.Ordinal))
        {
            var known = g.Where(r => r.Record is not null).GroupBy(r => KeyOf(r.Record!.Config.Experiment)).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
            var unknown = g.Where(r => r.Record is null).ToList();
            if (known.Count <= 1)
            {
                result.Add(new ReportConfiguration(g.Key.Dataset, g.Key.Profile, known.FirstOrDefault()?.Key ?? Unknown, "", [.. g]));
                continue;
            }
            var differs = Differences(known.Select(k => k.Key).ToList());
            result.AddRange(known.Select((k, i) => new ReportConfiguration(g.Key.Dataset, g.Key.Profile, k.Key, differs[i], [.. k])));
            if (unknown.Count > 0)
                result.Add(new ReportConfiguration(g.Key.Dataset, g.Key.Profile, Unknown, "not completed: configuration unknown until they complete", unknown));
        }
        return result;
    }

    /// <summary>
    /// The identity of a configuration: the experiment with the cell's choices and the seed set to fixed values. The
    /// learning-rate clock is a cell's choice: on the full data with random order both clocks advance identically (images
    /// seen / N = epochs done), so a reduced cell on the images clock is compared with the same Baseline as on the epoch
    /// clock. The schedule's shape (paper, linear, …) is not: it changes the Baseline too.
    /// </summary>
    public static string KeyOf(ExperimentConfig e) => JsonSerializer.Serialize(e with
    {
        Schedule = Schedules.Full(), Selector = Selectors.Random(), Subset = null, Stratify = false, Seed = 0, LrClock = LrClockKind.Epochs,
    }, RunOutputs.Json);

    /// <summary>For each key, the fields whose values are not the same in every key, as "name value, …".</summary>
    private static List<string> Differences(List<string> keys)
    {
        var objects = keys.Select(k => JsonNode.Parse(k)!.AsObject()).ToList();
        var names = objects.SelectMany(o => o.Select(p => p.Key)).Distinct().ToList();
        var differing = names.Where(n => objects.Select(o => o[n]?.ToJsonString() ?? "null").Distinct().Count() > 1).ToList();
        return [.. objects.Select(o => string.Join(", ", differing.Select(n => $"{n} {Value(o[n])}")))];
    }

    private static string Value(JsonNode? node) => node is null ? "default" : node is JsonValue v && v.TryGetValue(out string? s) ? s : node.ToJsonString();
}
