namespace LessData.Statistics;

/// <summary>
/// A method's verdict under a <see cref="VerdictRule"/>: Verdict is adjusted (for the methods of the comparison and,
/// when sequential, for the looks); Unadjusted is the plain per-method 95 % rule, shown beside it for reference. The
/// boundary that decided: the one-sided nominal level and critical t at this look (Trials), and the interval
/// Δ̂ ± t·SD/√n it gives. TrialsFor80Power plans a fixed-n comparison at the adjusted level (<see cref="TrialsForPower"/>).
/// </summary>
public sealed record VerdictDecision(Verdict Verdict, Verdict Unadjusted, int Trials, double NominalAlpha, double Critical,
    double Low, double High, int? TrialsFor80Power);
