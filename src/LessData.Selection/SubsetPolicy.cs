namespace LessData.Selection;

/// <summary>
/// Which images fill an epoch's budget. Redraw: a fresh random subset every epoch (the paper's Step and Increment).
/// Nested: one random order for the whole run, each epoch takes its first budget images (the paper's Cut: cuts 1..k).
/// </summary>
public enum SubsetPolicy
{
    /// <summary>A fresh random subset every epoch.</summary>
    Redraw,

    /// <summary>One random order for the whole run; each epoch takes its first budget images.</summary>
    Nested,
}
