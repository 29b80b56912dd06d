namespace LessData.Reports;

/// <summary>
/// One experiment of a report table, against the Baseline of the same dataset and profile. Percent deltas are relative
/// to the baseline's mean; Top1 figures are in percent; Top1Delta in percentage points; P is Welch's two-sided p
/// (unpaired, kept for comparison). Delta and TimeSaved are paired over the trials both completed (trial t of every
/// cell shares its seed), PHolm is the paired p Holm-adjusted across the cells of the group, and Verdict uses Margin.
/// </summary>
public sealed record ReportRow(
    string Dataset, string Profile, string Id, string Spec, int Completed, int Pending, int Running, int Failed,
    double Evaluations, double EvaluationsDelta, double TrainSeconds, double TimeDelta,
    double Top1Mean, double Top1Std, double Top1Delta, double P, double Co2Grams, double Co2Saved,
    PairedDifference? Delta = null, PairedDifference? TimeSaved = null, double PHolm = double.NaN,
    Verdict? Verdict = null, int? TrialsNeeded = null, double Margin = NonInferiority.DefaultMargin,
    double TrainCo2Saved = double.NaN, double Top1StdErr = double.NaN);
