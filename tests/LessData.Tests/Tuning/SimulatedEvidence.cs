using LessData.Statistics;
using LessData.Tuning;

namespace LessData.Tests.Tuning;

/// <summary>
/// A tune with K candidates whose paired Δ top-1 at trial t is Means[k] + Sd·z (z standard normal, independent, drawn
/// in advance for trials 0..maxTrials−1), saving 10·k % of the time; each run costs 1. Done can be limited to the
/// first runs made, as a killed tune's store is.
/// </summary>
internal sealed class SimulatedEvidence : ITuneEvidence
{
    private readonly double[,] _delta;
    private readonly Func<int, int, bool> _done;

    public SimulatedEvidence(IReadOnlyList<double> means, double sd, int maxTrials, NormalSource rng, Func<int, int, bool>? done = null)
    {
        _delta = new double[means.Count + 1, maxTrials];
        for (int k = 1; k <= means.Count; k++)
            for (int t = 0; t < maxTrials; t++) _delta[k, t] = means[k - 1] + sd * rng.Normal();
        _done = done ?? ((_, _) => true);
    }

    public double Delta(int arm, int trial) => _delta[arm, trial];

    public bool Done(int arm, int trial) => _done(arm, trial);

    public (double Delta, double Saved) Pair(int arm, int trial) => (_delta[arm, trial], 10.0 * arm);

    public double Spent(int arm, int trial) => 1;

    public double Estimate(int arm, IReadOnlyCollection<(int Arm, int Trial)> done) => 1;
}
