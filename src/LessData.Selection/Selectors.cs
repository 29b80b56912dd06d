namespace LessData.Selection;

/// <summary>
/// The selectors (which images fill an epoch's budget), built from typed values or parsed from a spec. Implement
/// <see cref="ISelector"/> for your own. Method cards: docs/methods/loss.md, docs/methods/infobatch.md,
/// docs/methods/rs2.md, docs/methods/seta.md.
/// </summary>
public static class Selectors
{
    /// <summary>The paper's: images excluded at random (seeded). Spec "random".</summary>
    public static ISelector Random() => new RandomSelector();

    /// <summary>
    /// RS2 without replacement: one seeded random order consumed in chunks of each epoch's budget, a fresh order when it
    /// runs out, so no image repeats before all were seen. Spec "rs2".
    /// </summary>
    public static ISelector Rs2() => new Rs2Selector();

    /// <summary>Hardest round(hard·budget) by latest loss, the rest a uniform sample of the others. Spec "loss:hard=H[,unbiased]".</summary>
    public static ISelector Loss(double hard = 0.5, bool unbiased = false) => new LossSelector(hard, unbiased);

    /// <summary>InfoBatch: prunes a fraction r of below-mean-loss samples, rescales the kept ones, anneals from δ·E. Spec "infobatch:r=R,delta=D[,target=T]".</summary>
    public static ISelector InfoBatch(double ratio = 0.5, double delta = 0.875, double? targetFraction = null) => new InfoBatchSelector(ratio, delta, targetFraction);

    /// <summary>
    /// SeTa: random pruning of a share, k-means on the kept samples' losses into k groups (easy → hard), a window of
    /// round(k·window) groups sliding from easy to hard, random partial annealing from ⌊δ·E⌋ (all data with
    /// <paramref name="fullAnneal"/>). Spec "seta:prune=P,k=K,window=W,delta=D[,target=T][,fullanneal]".
    /// </summary>
    /// <exception cref="SelectionException">A value is out of range (Parameter "selector" or "targetFraction").</exception>
    public static ISelector Seta(double prune = 0.1, int groups = 5, double window = 0.9, double delta = 0.875, double? targetFraction = null, bool fullAnneal = false) =>
        new SetaSelector(prune, groups, window, delta, targetFraction, fullAnneal);

    /// <summary>Parses random | rs2 | loss[:hard=H,unbiased] | infobatch[:r=R,delta=D,target=T] | seta[:prune=P,k=K,window=W,delta=D,target=T,fullanneal].</summary>
    /// <exception cref="SelectionException">The spec is malformed or out of range (Parameter "selector").</exception>
    public static ISelector Parse(string spec) => SelectorParser.Parse(spec);

    /// <summary>
    /// Parses a selector spec with the two settings that may also come separately: unbiased weights (loss) and a target
    /// fraction (infobatch, seta); null spec means random.
    /// </summary>
    /// <exception cref="SelectionException">The spec or a setting does not apply (Parameter "selector", "unbiased" or "targetFraction").</exception>
    public static ISelector Parse(string? spec, bool unbiased, double? targetFraction) => SelectorParser.Parse(spec, unbiased, targetFraction);

    /// <summary>The spec forms <see cref="Parse(string)"/> accepts, for help texts.</summary>
    public static string Forms => SelectorParser.Forms;
}
