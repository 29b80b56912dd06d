using LessData.Comparison;
using LessData.Runs;
using LessData.Store;

namespace LessData.Tuning;

/// <summary>
/// The search's evidence from the store's completed runs: Δ top-1 read the neutral way (<see cref="FinalTop1Reading.FullData"/>,
/// as compare does), time saved from training seconds. A runs budget counts runs; an hours budget counts each completed
/// run's measured wall time and estimates a run not yet made as its evaluations (the method's formula, else the arm's
/// measured mean, else epochs × images) × the wall seconds per evaluated image over the runs done so far.
/// </summary>
internal sealed class StoreEvidence(TunePlan plan, IReadOnlyDictionary<(int Arm, int Trial), RunRecord> completed, TuneBudget budget) : ITuneEvidence
{
    public IReadOnlyDictionary<(int Arm, int Trial), RunRecord> Completed => completed;

    public bool Done(int arm, int trial) => completed.ContainsKey((arm, trial));

    public (double Delta, double Saved) Pair(int arm, int trial)
    {
        var (m, b) = (completed[(arm, trial)], completed[(0, trial)]);
        var (x, y) = FinalTop1.Pair(m, b, FinalTop1Reading.FullData);
        double saved = b.Totals.TrainSeconds > 0 ? (1 - m.Totals.TrainSeconds / b.Totals.TrainSeconds) * 100 : double.NaN;
        return ((x - y) * 100, saved);
    }

    public double Spent(int arm, int trial) => budget.Runs is not null ? 1 : completed[(arm, trial)].Totals.TotalSeconds / 3600;

    public double Estimate(int arm, IReadOnlyCollection<(int Arm, int Trial)> done)
    {
        if (budget.Runs is not null) return 1;
        var runs = done.Select(d => completed[d]).ToList();
        long images = runs.Sum(r => r.Totals.Evaluations);
        double perImage = images > 0 ? runs.Sum(r => r.Totals.TotalSeconds) / images : 0;
        return perImage * Evaluations(arm, done) / 3600;
    }

    private double Evaluations(int arm, IReadOnlyCollection<(int Arm, int Trial)> done)
    {
        var e = plan.Config(arm).Experiment;
        // the training-set size from the baseline's runs (full schedule: epochs × size evaluations), folder datasets included
        var baseline = done.Where(d => d.Arm == 0).Select(d => completed[d].Totals.Evaluations).DefaultIfEmpty(0).Max();
        int size = baseline > 0 ? (int)(baseline / Math.Max(1, plan.Baseline.Experiment.Epochs)) : e.TrainLimit ?? 0;
        if (PlannedRun.ExpectedEvaluations(e, size) is { } predicted) return predicted;
        var mine = done.Where(d => d.Arm == arm).Select(d => (double)completed[d].Totals.Evaluations).ToList();
        return mine.Count > 0 ? mine.Average() : (double)e.Epochs * size;
    }
}
