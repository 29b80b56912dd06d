namespace LessData.Reports;

/// <summary>
/// One experiment of a report table, against the Baseline of the same dataset and profile. Percent deltas are relative
/// to the baseline's mean; Top1 figures are in percent; Top1Delta in percentage points; P is Welch's two-sided p.
/// </summary>
public sealed record ReportRow(
    string Dataset, string Profile, string Id, string Spec, int Completed, int Pending, int Running, int Failed,
    double Evaluations, double EvaluationsDelta, double TrainSeconds, double TimeDelta,
    double Top1Mean, double Top1Std, double Top1Delta, double P, double Co2Grams, double Co2Saved);
