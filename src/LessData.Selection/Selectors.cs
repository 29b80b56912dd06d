namespace LessData.Selection;

/// <summary>
/// The selectors (which images fill an epoch's budget), built from typed values or parsed from a spec. Implement
/// <see cref="ISelector"/> for your own. Method cards: docs/methods/loss.md, docs/methods/infobatch.md.
/// </summary>
public static class Selectors
{
    /// <summary>The paper's: images excluded at random (seeded). Spec "random".</summary>
    public static ISelector Random() => new RandomSelector();

    /// <summary>Hardest round(hard·budget) by latest loss, the rest a uniform sample of the others. Spec "loss:hard=H[,unbiased]".</summary>
    public static ISelector Loss(double hard = 0.5, bool unbiased = false) => new LossSelector(hard, unbiased);

    /// <summary>InfoBatch: prunes a fraction r of below-mean-loss samples, rescales the kept ones, anneals from δ·E. Spec "infobatch:r=R,delta=D[,target=T]".</summary>
    public static ISelector InfoBatch(double ratio = 0.5, double delta = 0.875, double? targetFraction = null) => new InfoBatchSelector(ratio, delta, targetFraction);

    /// <summary>Parses random | loss[:hard=H,unbiased] | infobatch[:r=R,delta=D,target=T].</summary>
    /// <exception cref="SelectionException">The spec is malformed or out of range (Parameter "selector").</exception>
    public static ISelector Parse(string spec) => SelectorParser.Parse(spec);

    /// <summary>
    /// Parses a selector spec with the two settings that may also come separately: unbiased weights (loss) and a target
    /// fraction (infobatch); null spec means random.
    /// </summary>
    /// <exception cref="SelectionException">The spec or a setting does not apply (Parameter "selector", "unbiased" or "targetFraction").</exception>
    public static ISelector Parse(string? spec, bool unbiased, double? targetFraction) => SelectorParser.Parse(spec, unbiased, targetFraction);

    /// <summary>The spec forms <see cref="Parse(string)"/> accepts, for help texts.</summary>
    public static string Forms => SelectorParser.Forms;
}
