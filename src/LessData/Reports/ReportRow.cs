using LessData.Statistics;

namespace LessData.Reports;

/// <summary>
/// One experiment of a report table, against the Baseline of the same configuration (<see cref="ReportConfiguration"/>,
/// named by Configuration). Percent deltas are relative to the baseline's mean; Top1 figures are in percent; Top1Delta in
/// percentage points; P is Welch's two-sided p (unpaired, kept for comparison). Delta and TimeSaved are paired over the
/// seeds both completed, PHolm is the paired p Holm-adjusted across the cells of the table, and Decision holds the
/// verdict adjusted across the table's cells (Bonferroni, <see cref="VerdictRule"/>) with the unadjusted one.
/// </summary>
internal sealed record ReportRow(
    string Dataset, string Profile, string Id, string Spec, int Completed, int Pending, int Running, int Failed,
    double Evaluations, double EvaluationsDelta, double TrainSeconds, double TimeDelta,
    double Top1Mean, double Top1Std, double Top1Delta, double P, double Co2Grams, double Co2Saved,
    PairedDifference? Delta = null, PairedDifference? TimeSaved = null, double PHolm = double.NaN,
    VerdictDecision? Decision = null, double Margin = NonInferiority.DefaultMargin,
    double TrainCo2Saved = double.NaN, double Top1StdErr = double.NaN, string Configuration = "")
{
    /// <summary>The adjusted verdict; null for the Baseline.</summary>
    public Verdict? Verdict => Decision?.Verdict;
}
