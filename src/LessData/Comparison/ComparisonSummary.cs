using System.Globalization;
using System.Text;
using System.Text.Json;
using LessData.Runs;
using LessData.Statistics;

namespace LessData.Comparison;

/// <summary>
/// Writes `compare`'s summary: summary.md (headlines, the table, the command) and summary.json (machine-readable rows:
/// deltaTop1, ci95, bootstrapCi95, pPaired, verdict (adjusted), verdictUnadjusted, boundary, trialsFor80Power, and the
/// same for timeSaved; verdictRule says how the verdicts were adjusted). Δ and CIs are in
/// points of top-1; time saved in percent of the baseline's training time.
/// </summary>
public static class ComparisonSummary
{
    /// <summary>Writes summary.md and summary.json into <paramref name="outDir"/> and returns the path of summary.md.</summary>
    /// <param name="outDir">The comparison's folder.</param>
    /// <param name="rows">The comparison rows, the baseline first.</param>
    /// <param name="sample">One of the runs, for the provenance and settings the summary records.</param>
    /// <param name="command">The command line, printed as "Reproduce with".</param>
    /// <param name="rule">How the verdicts were decided (default: fixed-n, Bonferroni across the methods).</param>
    /// <param name="reading">Which final top-1 the rows read.</param>
    public static string Write(string outDir, IReadOnlyList<ComparisonRow> rows, RunRecord sample, string command, VerdictRule? rule = null,
        FinalTop1Reading reading = FinalTop1Reading.FullData)
    {
        rule ??= VerdictRule.Fixed(rows[0].Margin, rows.Count(r => !r.IsBaseline));
        Directory.CreateDirectory(outDir);
        var c = sample.Config.Experiment;
        var t = sample.Totals;
        var md = new StringBuilder();
        md.AppendLine("# LessData comparison").AppendLine();
        md.AppendLine($"Command: `{command}`").AppendLine();
        md.AppendLine(Inv($"Dataset {c.Dataset}, model {c.Model}, {c.Epochs} epochs, batch {c.BatchSize}, seeds {c.Seed}…{c.Seed + rows.Max(r => r.Trials) - 1} (one per trial, shared by every method), train limit {c.TrainLimit?.ToString(CultureInfo.InvariantCulture) ?? "all"}; final top-1 on {t.FinalTestImages} test images (final window of {t.FinalWindow} epoch(s); {FinalTop1.Describe(reading)}); per-epoch curves on {c.TestLimit?.ToString(CultureInfo.InvariantCulture) ?? "all"} test images; energy source {t.EnergySource}."));
        md.AppendLine();
        foreach (var r in rows.Where(r => !r.IsBaseline)) md.AppendLine("- " + Headline.For(r));
        md.AppendLine();
        md.AppendLine("| method | trials | evaluations % | train time % | top-1 % | Δ top-1 (pp) | 95% CI | p (paired) | time saved % | 95% CI | verdict (adjusted) | verdict (unadjusted) | trials for 80% power | train CO2 saved | CO2 saved (incl. eval) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|---|---|---|---:|---:|---:|");
        foreach (var r in rows)
            md.AppendLine(Inv($"| {r.Method} | {r.Trials} | {r.EvaluationsPercent:F1} | {r.TimePercent:F1} | {r.Top1:F2} ± {r.Top1StdErr:F2} | {Headline.Signed(r.Delta?.Mean ?? 0)} | {Ci(r.Delta)} | {PValueText.Format(r.Delta?.P ?? double.NaN)} | {r.TimeSaved?.Mean ?? 0:F1} | {Ci(r.TimeSaved)} | {(r.Decision is { } v ? NonInferiority.Name(v.Verdict) : "baseline")} | {(r.Decision is { } u ? NonInferiority.Name(u.Unadjusted) : "")} | {NonInferiority.PowerTrialsText(r.Decision?.TrialsFor80Power)} | {r.TrainCo2SavedPercent:F1}% | {r.Co2SavedPercent:F1}% |"));
        md.AppendLine().AppendLine(Inv($"top-1 ± is the test-sampling standard error. 95% CIs are per method, unadjusted. Verdicts use margin {rows[0].Margin:0.###} points: maintains = interval's lower bound > −margin; loses = upper bound < −margin; otherwise inconclusive. Adjusted verdicts: {rule.Describe()} Unadjusted: the plain 95% CI. Trials for 80% power: a fixed-n plan at the adjusted level, from the noncentral t at the observed paired Δ and SD."));
        var mdPath = Path.Combine(outDir, "summary.md");
        AtomicFile.WriteAllText(mdPath, md.ToString());
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(new
        {
            command,
            margin = rows[0].Margin,
            finalTestImages = t.FinalTestImages,
            finalWindow = t.FinalWindow,
            finalTop1 = new { reading = FinalTop1.Name(reading), definition = FinalTop1.Describe(reading) },
            curveTestImages = c.TestLimit,
            verdictRule = RuleJson(rule),
            rows = rows.Select(Json),
        }, VerdictJson.Options));
        return mdPath;
    }

    private static object Json(ComparisonRow r) => VerdictJson.Add(new()
    {
        ["method"] = r.Method,
        ["schedule"] = r.Schedule,
        ["selector"] = r.Selector,
        ["model"] = r.Model,
        ["baseline"] = r.IsBaseline,
        ["trials"] = r.Trials,
        ["evaluations"] = r.Evaluations,
        ["evaluationsPercent"] = r.EvaluationsPercent,
        ["trainSeconds"] = r.TrainSeconds,
        ["top1"] = r.Top1,
        ["top1StdErr"] = r.Top1StdErr,
    }, r.Delta, r.Decision, r.TimeSaved).With(new()
    {
        ["co2Grams"] = r.Co2Grams,
        ["co2SavedPercent"] = r.Co2SavedPercent,
        ["trainCo2Grams"] = r.TrainCo2Grams,
        ["trainCo2SavedPercent"] = r.TrainCo2SavedPercent,
        ["headline"] = r.IsBaseline ? null : Headline.For(r),
    });

    /// <summary>The rule in summary.json: alpha, methods, the per-look level and, when sequential, every look's critical t.</summary>
    internal static object RuleJson(VerdictRule rule) => new
    {
        alphaOneSided = VerdictRule.Alpha,
        adjustment = rule.Methods == 1 ? "none (one method)" : "bonferroni",
        methods = rule.Methods,
        methodAlphaOneSided = rule.MethodAlpha,
        nominalAlphaOneSided = rule.NominalAlpha,
        sequential = rule.Design is { } d
            ? new { design = "pocock-type, calibrated by simulation", firstLook = d.FirstLook, lastLook = d.LastLook, calibrationPaths = SequentialDesign.CalibrationPaths,
                boundaries = Enumerable.Range(d.FirstLook, d.Looks).Select(n => new { trials = n, criticalT = d.Critical(n) }) }
            : null,
        description = rule.Describe(),
    };

    private static string Ci(PairedDifference? d) => d is null || double.IsNaN(d.Low) ? "" : Inv($"{Headline.Signed(d.Low)} … {Headline.Signed(d.High)}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
