using System.Globalization;
using System.Text;
using LessData.Store;

namespace LessData.Reports;

/// <summary>
/// Runtimes compare only within one hardware class (CPU model and threads, GPU and driver: what each run recorded).
/// When a (dataset, profile) group's runs come from more than one class, the report says so and gives, per class,
/// each cell's mean training time and its ratio to the same class's baseline, instead of a ratio across machines.
/// </summary>
internal static class HardwareClasses
{
    public sealed record ClassRow(string Hardware, string ExperimentId, int Runs, double TrainSeconds, double? RatioToBaseline);

    public static IReadOnlyList<ClassRow> Rows(IEnumerable<SweepRun> group)
    {
        var done = group.Where(r => r.Status == RunStatus.Completed && r.Record is not null).ToList();
        if (done.Select(r => r.Hardware ?? "unrecorded").Distinct().Count() < 2) return [];
        var rows = new List<ClassRow>();
        foreach (var hw in done.GroupBy(r => r.Hardware ?? "unrecorded").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var baseline = hw.Where(r => r.ExperimentId == "Baseline").Select(r => r.Record!.Totals.TrainSeconds).ToList();
            foreach (var cell in hw.GroupBy(r => r.ExperimentId).OrderBy(c => ReportTable.Rank(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                double seconds = cell.Average(r => r.Record!.Totals.TrainSeconds);
                rows.Add(new ClassRow(hw.Key, cell.Key, cell.Count(), seconds, baseline.Count > 0 ? seconds / baseline.Average() : null));
            }
        }
        return rows;
    }

    public static string Markdown(IEnumerable<SweepRun> group)
    {
        var rows = Rows(group);
        if (rows.Count == 0) return "";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**These runs trained on {rows.Select(r => r.Hardware).Distinct().Count()} hardware classes**: the table's time columns mix them. ")
          .Append("Times compared within each class (ratio to that class's own baseline):\n\n")
          .Append("| hardware | cell | runs | train s | time vs baseline, same class |\n|---|---|---:|---:|---:|\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Hardware} | {r.ExperimentId} | {r.Runs} | {r.TrainSeconds:F1} | {(r.RatioToBaseline is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "no baseline in this class")} |\n");
        return sb.Append('\n').ToString();
    }
}
