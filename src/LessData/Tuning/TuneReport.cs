using System.Globalization;
using System.Text;
using System.Text.Json;
using LessData.Comparison;
using LessData.Runs;
using LessData.Statistics;

namespace LessData.Tuning;

/// <summary>
/// Writes `tune`'s summary.json (top level: the recommendation, the verdict rule, the budget and its use, the rounds,
/// why the search stopped; per candidate: recipe, spec, trials, Δ top-1 with the rule's interval and the plain 95 % CI,
/// time saved with its CI, verdict, and the round it was decided or eliminated at) and report.md.
/// </summary>
internal static class TuneReport
{
    public static void Write(string outDir, TuneResult result, string command, string frontierPng)
    {
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(Json(result, command), VerdictJson.Options));
        AtomicFile.WriteAllText(Path.Combine(outDir, "report.md"), Markdown(result, command, Path.GetFileName(frontierPng)));
    }

    private static object Json(TuneResult r, string command) => new
    {
        command,
        recommendation = new
        {
            line = r.Recommendation(),
            warning = r.Warning(),
            candidate = r.Recommended is { } a ? r.Plan.Candidates.Items[a - 1].Spec : null,
            closest = r.Recommended is null ? r.Closest.Select(a => r.Plan.Candidates.Items[a - 1].Spec).ToArray() : [],
        },
        margin = r.Margin,
        finalTop1 = new { reading = FinalTop1.Name(FinalTop1Reading.FullData), definition = FinalTop1.Describe(FinalTop1Reading.FullData) },
        verdictRule = ComparisonSummary.RuleJson(r.Rule),
        search = new
        {
            method = "successive halving over trials (docs/tuning.md)",
            rounds = r.Outcome.Rounds.Select(x => new { round = x.Index, trials = x.Trials, candidates = x.Candidates.Select(a => r.Plan.Candidates.Items[a - 1].Spec).ToArray() }),
            stop = r.Outcome.Stop,
        },
        budget = new { unit = r.Budget.Unit, limit = r.Budget.Limit, used = r.Outcome.Spent },
        baseline = new { recipe = r.Plan.Baseline.Experiment, trials = r.Outcome.BaselineTrials, top1 = r.Rows[0].Top1, trainSeconds = r.Rows[0].TrainSeconds },
        candidates = r.Outcome.Candidates.Select(c => VerdictJson.Add(new()
        {
            ["candidate"] = r.Plan.Candidates.Items[c.Arm - 1].Spec,
            ["label"] = r.Plan.Label(c.Arm),
            ["recipe"] = r.Plan.Configs[c.Arm - 1].Experiment,
            ["trials"] = c.Trials,
            ["status"] = c.Status.ToString().ToLowerInvariant(),
            ["decidedAtRound"] = c.Status is CandidateStatus.Maintains or CandidateStatus.Loses ? c.Round : null,
            ["eliminatedAtRound"] = c.Status == CandidateStatus.Dropped ? c.Round : null,
            ["eliminatedBecause"] = c.Why,
            ["evaluationsPercent"] = r.Rows[c.Arm].EvaluationsPercent,
            ["top1"] = r.Rows[c.Arm].Top1,
        }, r.Rows[c.Arm].Delta, r.Rows[c.Arm].Decision, r.Rows[c.Arm].TimeSaved)),
    };

    private static string Markdown(TuneResult r, string command, string frontier)
    {
        var md = new StringBuilder();
        var e = r.Plan.Baseline.Experiment;
        md.AppendLine("# LessData tune").AppendLine();
        md.AppendLine($"Command: `{command}`").AppendLine();
        md.AppendLine("**" + r.Recommendation() + "**").AppendLine();
        if (r.Warning() is { } warning) md.AppendLine("> " + warning).AppendLine();
        md.AppendLine(Inv($"Recipe: dataset {e.Dataset}, model {e.Model}, {e.Epochs} epochs, optimizer {e.Optimizer}, LR {e.LrSchedule} on the {e.LrClock} clock, train limit {e.TrainLimit?.ToString(CultureInfo.InvariantCulture) ?? "all"}; baseline = full schedule + random, seeds {e.Seed}… (one per trial, shared by every arm). Final top-1: {FinalTop1.Describe(FinalTop1Reading.FullData)}."));
        md.AppendLine();
        md.AppendLine(Inv($"Search: successive halving over trials; {r.Outcome.Rounds.Count} round(s); stopped because {r.Outcome.Stop ?? "it is still running"}. Budget: {r.Budget.Describe(r.Outcome.Spent)}."));
        md.AppendLine().AppendLine("Verdicts: " + r.Rule.Describe()).AppendLine();
        md.AppendLine("| round | trials | candidates |").AppendLine("|---:|---:|---|");
        foreach (var x in r.Outcome.Rounds) md.AppendLine(Inv($"| {x.Index} | {x.Trials} | {string.Join(", ", x.Candidates.Select(r.Plan.Label))} |"));
        md.AppendLine();
        md.AppendLine("| candidate | trials | evaluations % | time saved % | 95% CI | Δ top-1 (pp) | adjusted CI | plain 95% CI | verdict | trials for 80% power |");
        md.AppendLine("|---|---:|---:|---:|---|---:|---|---|---|---:|");
        foreach (var c in r.Outcome.Candidates.OrderByDescending(c => c.MeanSaved))
        {
            var row = r.Rows[c.Arm];
            var d = row.Decision!;
            md.AppendLine(Inv($"| {r.Plan.Label(c.Arm)} | {c.Trials} | {row.EvaluationsPercent:F1} | {row.TimeSaved!.Mean:F1} | {Ci(row.TimeSaved.Low, row.TimeSaved.High)} | {Headline.Signed(row.Delta!.Mean)} | {Ci(d.Low, d.High)} | {Ci(row.Delta.Low, row.Delta.High)} | {r.Status(c.Arm)} | {NonInferiority.PowerTrialsText(d.TrialsFor80Power)} |"));
        }
        md.AppendLine();
        md.AppendLine(Inv($"Baseline: top-1 {r.Rows[0].Top1:F2} % over {r.Outcome.BaselineTrials} trials, {r.Rows[0].TrainSeconds:F1} s of training per run."));
        md.AppendLine().AppendLine($"![frontier]({frontier})").AppendLine();
        md.AppendLine("Method: docs/tuning.md.");
        return md.ToString();
    }

    private static string Ci(double low, double high) => double.IsNaN(low) ? "" : $"{Headline.Signed(low)} … {Headline.Signed(high)}";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
