using System.Globalization;
using System.Net;
using System.Text;
using LessData.Comparison;
using LessData.Runs;
using LessData.Statistics;
using LessData.Store;

namespace LessData.Reports;

/// <summary>
/// `lessdata report`: for each configuration in a store (<see cref="ReportConfiguration"/>: dataset, profile, and an
/// experiment equal apart from the cells' choices and seeds), the paper-style table and four plots; written as
/// report.md, a self-contained report.html (plots embedded), runs.csv and epochs.csv. Runs that are missing, failed
/// or still running are shown as such.
/// </summary>
public static class ReportBuilder
{
    /// <summary>
    /// Writes the report of the runs in <paramref name="store"/> (only those of the cells <paramref name="cells"/>, by
    /// id, when given) to <paramref name="outDir"/> and returns the files written; null when no run is chosen.
    /// </summary>
    /// <param name="store">The results store.</param>
    /// <param name="cells">The ids of the plan cells to report, or null for every run.</param>
    /// <param name="outDir">The report folder.</param>
    /// <param name="command">The command line, printed as "Reproduce with".</param>
    /// <param name="margin">Non-inferiority margin in points of top-1, for the verdicts.</param>
    /// <param name="reading">Which final top-1 the comparisons read.</param>
    public static IReadOnlyList<string>? Write(RunStore store, IReadOnlySet<string>? cells, string outDir, string command,
        double margin = NonInferiority.DefaultMargin, FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        var all = store.ReadAll();
        var chosen = cells is null ? all : [.. all.Where(r => cells.Contains(r.ExperimentId))];
        return chosen.Count == 0 ? null : Write(chosen, outDir, command, margin, reading);
    }

    internal static IReadOnlyList<string> Write(IReadOnlyList<SweepRun> runs, string outDir, string command, double margin = NonInferiority.DefaultMargin,
        FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        if (runs.Count == 0) throw new UserError("the store has no runs; run 'lessdata sweep' first");
        Directory.CreateDirectory(outDir);
        var configurations = ReportConfiguration.Group(runs);
        var rows = new List<ReportRow>();
        var md = new StringBuilder($"# LessData report\n\nReproduce with: `{command}`\n\nTop-1 read as: {FinalTop1.Describe(reading)}.\n\n");
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>LessData report</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:nth-child(-n+3){text-align:left}img{max-width:100%}</style></head><body>");
        html.Append($"<h1>LessData report</h1><p>Reproduce with: <code>{WebUtility.HtmlEncode(command)}</code></p><p>Top-1 read as: {WebUtility.HtmlEncode(FinalTop1.Describe(reading))}.</p>");
        var written = new List<string>();
        for (int index = 0; index < configurations.Count; index++)
        {
            var configuration = configurations[index];
            var group = configuration.Runs;
            var prefix = configurations.Count == 1 ? "" : $"{configuration.Dataset}-{configuration.Profile}-"
                + (configurations.Count(c => c.Dataset == configuration.Dataset && c.Profile == configuration.Profile) > 1 ? $"{index + 1}-" : "");
            var groupRows = ReportTable.Build(configuration, margin, reading);
            rows.AddRange(groupRows);
            var plots = ReportPlots.Write(outDir, prefix, group, groupRows);
            written.AddRange(plots);
            var title = configuration.Title;
            var pairs = MatchedPairs.Find(group, reading);
            var missing = MissingBaseline(configuration);
            md.Append($"## {title}\n\n").Append(missing.Length == 0 ? "" : missing + "\n\n").Append(ReportMarkdown.Table(groupRows)).Append('\n').Append(HardwareClasses.Markdown(group)).Append(MatchedPairs.Markdown(pairs));
            foreach (var plot in plots) md.Append($"![{Path.GetFileNameWithoutExtension(plot)}]({Path.GetFileName(plot)})\n\n");
            html.Append($"<h2>{WebUtility.HtmlEncode(title)}</h2>").Append(missing.Length == 0 ? "" : $"<p>{WebUtility.HtmlEncode(missing)}</p>").Append(HtmlTable(groupRows)).Append(HardwareHtml(group)).Append(PairsTable(pairs));
            foreach (var plot in plots)
                html.Append($"<p><img alt=\"{Path.GetFileNameWithoutExtension(plot)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(plot))}\"></p>");
        }
        html.Append("</body></html>");
        written.Add(WriteText(outDir, "report.md", md.ToString()));
        written.Add(WriteText(outDir, "report.html", html.ToString()));
        written.Add(WriteText(outDir, "summary.json", ReportSummaryJson.Write(rows, reading)));
        written.Add(WriteText(outDir, "runs.csv", ReportCsv.Runs(runs)));
        written.Add(WriteText(outDir, "epochs.csv", ReportCsv.Epochs(runs)));
        return written;
    }

    /// <summary>A sentence when the configuration has no completed Baseline (its cells get no Δ and no verdict), else empty.</summary>
    internal static string MissingBaseline(ReportConfiguration c) =>
        c.HasBaseline || c.Key == ReportConfiguration.Unknown ? ""
        : $"No completed Baseline in this configuration ({c.Title}): its cells have no paired Δ and no verdict; a Baseline of another configuration is not borrowed. Run the Baseline with the same settings to compare them.";

    private static string HardwareHtml(IEnumerable<SweepRun> group)
    {
        var rows = HardwareClasses.Rows(group);
        if (rows.Count == 0) return "";
        var sb = new StringBuilder("<p><b>These runs trained on several hardware classes</b>; times compared within each class:</p><table><tr><th>hardware</th><th>cell</th><th>runs</th><th>train s</th><th>time vs baseline, same class</th></tr>");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(r.Hardware)}</td><td>{WebUtility.HtmlEncode(r.ExperimentId)}</td><td>{r.Runs}</td><td>{r.TrainSeconds:F1}</td><td>{(r.RatioToBaseline is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–")}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    private static string WriteText(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        AtomicFile.WriteAllText(path, text);
        return path;
    }

    private static string PairsTable(IReadOnlyList<MatchedPair> pairs) =>
        pairs.Count == 0 ? "" :
        "<p>Cells with equal evaluations (within 0.1 %), head to head (Δ = B − A):</p>" + Html(
            ["A", "B", "evaluations", "top-1 A %", "top-1 B %", "Δ (pp)", "paired Δ [95% CI]", "p paired", "p Welch"],
            pairs.Select(p => new[] { $"{p.A} {p.SpecA}", $"{p.B} {p.SpecB}", ReportFormat.F(p.Evaluations, "N0"), ReportFormat.F(p.Top1A, "F2"),
                ReportFormat.F(p.Top1B, "F2"), ReportFormat.Signed(p.Delta), MatchedPairs.PairedCi(p.Paired), ReportFormat.P(p.Paired?.P ?? double.NaN), ReportFormat.P(p.P) }));

    private static string HtmlTable(IEnumerable<ReportRow> rows) => Html(ReportMarkdown.Header, rows.Select(r => ReportMarkdown.Cells(r).Select(c => c.Trim('`')).ToArray()));

    /// <summary>An HTML table with one header row; every cell is HTML-encoded.</summary>
    private static string Html(IEnumerable<string> header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder("<table><tr>").Append(string.Concat(header.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>"))).Append("</tr>");
        foreach (var cells in rows)
            sb.Append("<tr>").Append(string.Concat(cells.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>"))).Append("</tr>");
        return sb.Append("</table>").ToString();
    }
}
