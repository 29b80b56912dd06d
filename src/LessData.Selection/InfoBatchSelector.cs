using System.Globalization;

namespace LessData.Selection;

/// <summary>
/// InfoBatch (Qin et al., ICLR 2024). In a pruned epoch (epoch &lt; δ·E), the samples whose latest loss is below the mean
/// of the seen losses are "well learned"; a fraction r of them, drawn at random, is left out, and the kept ones get
/// their loss scaled by 1/(1−r). Epochs from δ·E on ("annealing") train on everything, unweighted. The weights belong to
/// one epoch's selection, so nothing has to be reset: a fractional δ·E cannot leave them on. With a target fraction
/// the pruned epochs share a fixed size chosen so the whole run uses that share of the data (docs/methods/infobatch.md).
/// It sets each epoch's size itself, so it runs with the full schedule.
/// </summary>
internal sealed class InfoBatchSelector : ISelector
{
    private const ulong PruneStream = 0x1B_0001;

    public InfoBatchSelector(double ratio = 0.5, double delta = 0.875, double? targetFraction = null, bool publicCount = false)
    {
        PublicCount = publicCount;
        if (!(ratio is >= 0 and < 1)) throw new SelectionException("selector", Invariant($"infobatch: r must be in [0, 1) (got {ratio})"));
        Ratio = ratio;
        Delta = ScheduleArguments.Fraction(delta, "infobatch", "delta", "selector");
        TargetFraction = targetFraction is { } t ? ScheduleArguments.Fraction(t, "infobatch", "target fraction", "targetFraction") : null;
    }

    public double Ratio { get; }
    public double Delta { get; }
    public double? TargetFraction { get; }
    /// <summary>Prune ⌊δ·E⌋ epochs as the public code does (its sampler's constructor already advances the epoch), not ⌈δ·E⌉.</summary>
    public bool PublicCount { get; }

    public string Spec => Invariant($"infobatch:r={Ratio},delta={Delta}") + (TargetFraction is { } t ? Invariant($",target={t}") : "") + (PublicCount ? ",public" : "");

    public bool NeedsScores => true;

    /// <summary>It prunes below-mean samples itself, so the schedule must be full.</summary>
    public bool SetsEpochSize => true;

    public void Validate(ISchedule schedule, int totalEpochs)
    {
        if (!Enumerable.Range(0, Math.Max(1, totalEpochs)).All(e => schedule.FractionAt(e, Math.Max(1, totalEpochs)) >= 1))
            throw new SelectionException("selector", $"infobatch sets each epoch's size itself, so it runs with the full schedule (got '{schedule.Spec}'); set a target fraction to choose the share of data");
        if (TargetFraction is not null) TargetEpochSize(totalEpochs, 1); // an unreachable target fails now, not after the first epoch
    }

    /// <summary>
    /// With a target fraction: n (epoch 0) + (P−1)·K (the pruned epochs) + (E−P)·n (annealing) ≈ T·E·n, exact while each
    /// pruned epoch has enough well-learned samples to prune; null without a target (the losses decide).
    /// </summary>
    public long? PredictedEvaluations(ISchedule schedule, int totalEpochs, int datasetSize)
    {
        if (TargetFraction is null) return null;
        int p = PrunedEpochs(totalEpochs);
        return datasetSize + (p - 1L) * TargetEpochSize(totalEpochs, datasetSize) + (long)(totalEpochs - p) * datasetSize;
    }

    /// <summary>Epochs 0..PrunedEpochs−1 may prune: those with epoch &lt; δ·E (⌈δ·E⌉), or ⌊δ·E⌋ with the public count.</summary>
    public int PrunedEpochs(int totalEpochs) =>
        PublicCount ? (int)Math.Floor(Delta * totalEpochs + 1e-9) : (int)Math.Ceiling(Delta * totalEpochs - 1e-9);

    /// <summary>
    /// With a target fraction T: the size of every pruned epoch after the first (epoch 0 has no scores, annealing
    /// epochs are full), so that n + (P−1)·K + (E−P)·n = T·E·n. Throws when T is out of reach for these epochs and δ.
    /// </summary>
    public int TargetEpochSize(int totalEpochs, int datasetSize)
    {
        if (TargetFraction is not { } t) throw new InvalidOperationException("no target fraction");
        int p = PrunedEpochs(totalEpochs);
        double lowest = (1.0 + totalEpochs - p) / totalEpochs;
        if (p < 2 || t < lowest - 1e-12)
            throw new SelectionException("targetFraction", Invariant($"infobatch: target fraction {t} is out of reach with {totalEpochs} epochs and delta {Delta}: the first epoch and the annealing epochs use all data, so the lowest reachable share is {lowest:0.###}"));
        double k = (t * totalEpochs - 1 - (totalEpochs - p)) * datasetSize / (p - 1);
        return (int)Math.Min(datasetSize, Math.Round(k, MidpointRounding.AwayFromZero));
    }

    public EpochSelection Select(SelectionRequest r)
    {
        int n = r.DatasetSize;
        var all = Enumerable.Range(0, n).ToArray();
        if (r.Epoch >= PrunedEpochs(r.TotalEpochs)) return new EpochSelection(all);
        if (LossScores.SeenMean(r.Scores, n) is not { } mean) return new EpochSelection(all);

        var wellLearned = all.Where(i => LossScores.Key(r.Scores, i) < mean).ToArray();
        if (wellLearned.Length == 0) return new EpochSelection(all);
        double rate = TargetFraction is null ? Ratio : Math.Min(1.0, (double)(n - TargetEpochSize(r.TotalEpochs, n)) / wellLearned.Length);
        int pruneCount = wellLearned.Length - (int)Math.Floor((1 - rate) * wellLearned.Length + 1e-9);
        if (pruneCount == 0) return new EpochSelection(all);

        var pruned = new bool[n];
        var order = SeededRandom.For(r.Seed, PruneStream, r.Epoch).Permutation(wellLearned.Length);
        for (int k = 0; k < pruneCount; k++) pruned[wellLearned[order[k]]] = true;
        var isWellLearned = new bool[n];
        foreach (int i in wellLearned) isWellLearned[i] = true;

        var indices = all.Where(i => !pruned[i]).ToArray();
        float scale = rate >= 1 ? 1f : (float)(1 / (1 - rate));
        var weights = indices.Select(i => isWellLearned[i] ? scale : 1f).ToArray();
        return new EpochSelection(indices, weights);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
