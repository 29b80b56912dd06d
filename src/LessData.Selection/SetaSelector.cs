using System.Globalization;

namespace LessData.Selection;

/// <summary>
/// SeTa (Zhou et al., "Scale Efficient Training for Large Datasets", CVPR 2025; github mrazhou/SeTa, seta.py). In a
/// pruned epoch e &lt; P = ⌊δ·E⌋: (1) a seeded random m = ⌊(1 − prune)·n⌋ samples are kept; (2) they are grouped by
/// 1-D k-means on their latest losses into k groups, easy → hard (<see cref="LossGroups"/>); (3) a window of
/// w = round(k·window) groups (halves to even, as Python's round) is trained on, starting at group e mod (k − w + 1),
/// so it slides from easy to hard and wraps; epoch 0 (no losses yet) takes all k groups. Annealing epochs (e ≥ P)
/// train on a fresh random m samples ("partial annealing", the public code), or on all n with fullanneal. No loss
/// rescaling. With a target fraction T every pruned epoch after the first trains on exactly K images (the window
/// trimmed at random, or topped up at random from outside it) so the run uses T·E·n. It sets each epoch's size itself,
/// so it runs with the full schedule. docs/methods/seta.md.
/// </summary>
internal sealed class SetaSelector : ISelector
{
    private const ulong PruneStream = 0x5E7A_0001;
    private const ulong AnnealStream = 0x5E7A_0002;
    private const ulong TrimStream = 0x5E7A_0003;

    public SetaSelector(double prune = 0.1, int groups = 5, double window = 0.9, double delta = 0.875, double? targetFraction = null, bool fullAnneal = false)
    {
        if (!(prune is >= 0 and <= 0.9)) throw new SelectionException("selector", Invariant($"seta: prune must be in [0, 0.9] (got {prune}); the public code keeps at least a tenth of the data"));
        if (groups < 1) throw new SelectionException("selector", Invariant($"seta: k must be a whole number of groups, at least 1 (got {groups})"));
        Prune = prune;
        Groups = groups;
        Window = ScheduleArguments.Fraction(window, "seta", "window", "selector");
        if (WindowGroups < 1) throw new SelectionException("selector", Invariant($"seta: window {window} of k={groups} groups rounds to no group; raise window or k"));
        Delta = ScheduleArguments.Fraction(delta, "seta", "delta", "selector");
        TargetFraction = targetFraction is { } t ? ScheduleArguments.Fraction(t, "seta", "target fraction", "targetFraction") : null;
        FullAnneal = fullAnneal;
    }

    /// <summary>Share of the data left out at random first (the public code's prune_ratio).</summary>
    public double Prune { get; }
    /// <summary>k, the number of loss groups (num_group).</summary>
    public int Groups { get; }
    /// <summary>The window's share of the groups (window_scale).</summary>
    public double Window { get; }
    public double Delta { get; }
    public double? TargetFraction { get; }
    public bool FullAnneal { get; }

    /// <summary>w = round(k·window), halves to even (Python's round in slide_easy2hard).</summary>
    public int WindowGroups => (int)Math.Round(Groups * Window, MidpointRounding.ToEven);

    public string Spec => Invariant($"seta:prune={Prune},k={Groups},window={Window},delta={Delta}")
        + (TargetFraction is { } t ? Invariant($",target={t}") : "") + (FullAnneal ? ",fullanneal" : "");

    public bool NeedsScores => true;

    public bool SetsEpochSize => true;

    public void Validate(ISchedule schedule, int totalEpochs)
    {
        if (!Enumerable.Range(0, Math.Max(1, totalEpochs)).All(e => schedule.FractionAt(e, Math.Max(1, totalEpochs)) >= 1))
            throw new SelectionException("selector", $"seta sets each epoch's size itself, so it runs with the full schedule (got '{schedule.Spec}'); set a target fraction to choose the share of data");
        if (TargetFraction is not { } t) return;
        int p = PrunedEpochs(totalEpochs);
        double keep = 1 - Prune, anneal = FullAnneal ? 1 : keep;
        double lowest = (keep + (totalEpochs - p) * anneal) / totalEpochs, highest = (keep + (p - 1) + (totalEpochs - p) * anneal) / totalEpochs;
        if (p < 2 || t < lowest - 1e-12 || t > highest + 1e-12)
            throw new SelectionException("targetFraction", Invariant($"seta: target fraction {t} is out of reach with {totalEpochs} epochs, delta {Delta} and prune {Prune}: the first epoch and the annealing epochs are fixed, so the reachable shares are {lowest:0.###} to {highest:0.###} (and at least 2 pruned epochs are needed)"));
    }

    /// <summary>Epochs 0..P−1 prune, P = ⌊δ·E⌋: the public code's sampler prunes while its 1-based epoch ≤ δ·E.</summary>
    public int PrunedEpochs(int totalEpochs) => (int)Math.Floor(Delta * totalEpochs + 1e-9);

    /// <summary>m = ⌊(1 − prune)·n⌋, at least 1 (the public code's int() and its guard against an empty epoch).</summary>
    public int KeptCount(int datasetSize) => Math.Max(Math.Min(1, datasetSize), (int)Math.Floor((1 - Prune) * datasetSize + 1e-9));

    private int AnnealCount(int datasetSize) => FullAnneal ? datasetSize : KeptCount(datasetSize);

    /// <summary>
    /// m (epoch 0) + (P−1)·K (with a target) + (E−P)·(m or n) (annealing); without a target, exact only when the window
    /// holds every group (then each pruned epoch trains on m); otherwise null: the losses decide.
    /// </summary>
    public long? PredictedEvaluations(ISchedule schedule, int totalEpochs, int datasetSize)
    {
        int p = Math.Min(PrunedEpochs(totalEpochs), totalEpochs);
        long annealing = (long)(totalEpochs - p) * AnnealCount(datasetSize);
        if (TargetFraction is not null) return KeptCount(datasetSize) + (p - 1L) * TargetEpochSize(totalEpochs, datasetSize) + annealing;
        return WindowGroups == Groups ? (long)p * KeptCount(datasetSize) + annealing : null;
    }

    /// <summary>With a target fraction T: K = round((T·E·n − m − (E−P)·(m or n)) / (P − 1)), in [1, n].</summary>
    public int TargetEpochSize(int totalEpochs, int datasetSize)
    {
        if (TargetFraction is not { } t) throw new InvalidOperationException("no target fraction");
        int p = PrunedEpochs(totalEpochs);
        if (p < 2) throw new SelectionException("targetFraction", Invariant($"seta: a target fraction needs at least 2 pruned epochs (delta {Delta} × {totalEpochs} epochs gives {p})"));
        double k = (t * totalEpochs * datasetSize - KeptCount(datasetSize) - (double)(totalEpochs - p) * AnnealCount(datasetSize)) / (p - 1);
        return (int)Math.Clamp(Math.Round(k, MidpointRounding.AwayFromZero), Math.Min(1, datasetSize), datasetSize);
    }

    /// <summary>Group g of the window in pruned epoch e ≥ 1: groups start .. start+w−1, start = e mod (k − w + 1).</summary>
    public int WindowStart(int epoch) => epoch % (Groups - WindowGroups + 1);

    public EpochSelection Select(SelectionRequest r)
    {
        int n = r.DatasetSize, kept = KeptCount(n);
        if (r.Epoch >= PrunedEpochs(r.TotalEpochs))
            return FullAnneal ? new EpochSelection([.. Enumerable.Range(0, n)]) : new EpochSelection(SeededRandom.For(r.Seed, AnnealStream, r.Epoch).Permutation(n)[..kept]);

        var order = SeededRandom.For(r.Seed, PruneStream, r.Epoch).Permutation(n);
        if (r.Epoch == 0) return new EpochSelection(order[..kept]);
        var groups = LossGroups.Split(order[..kept], r.Scores, Groups);
        var chosen = groups.Skip(WindowStart(r.Epoch)).Take(WindowGroups).SelectMany(g => g).ToArray();
        if (TargetFraction is not null) chosen = ToSize(chosen, order, TargetEpochSize(r.TotalEpochs, n), r);
        return new EpochSelection(chosen.Length > 0 ? chosen : order[..1]);
    }

    /// <summary>Exactly K images: a seeded random K of the window, or the window plus the first others in the epoch's random order.</summary>
    private static int[] ToSize(int[] chosen, int[] order, int size, SelectionRequest r)
    {
        if (chosen.Length >= size)
            return [.. SeededRandom.For(r.Seed, TrimStream, r.Epoch).Permutation(chosen.Length)[..size].Select(k => chosen[k])];
        var taken = new bool[r.DatasetSize];
        foreach (int i in chosen) taken[i] = true;
        return [.. chosen, .. order.Where(i => !taken[i]).Take(size - chosen.Length)];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
