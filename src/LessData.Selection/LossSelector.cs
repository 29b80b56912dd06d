using System.Globalization;

namespace LessData.Selection;

/// <summary>
/// Keeps the hardest samples (highest latest loss) and fills the rest of the budget with a uniform random sample of
/// the easier ones. hard = round(HardShare·budget) samples are taken by rank; the other budget−hard come uniformly from
/// the remaining n−hard. With Unbiased, each kept easy sample's loss is scaled by (n−hard)/(budget−hard), the inverse of
/// its keep probability, so every easy sample's expected weight is 1. A full budget keeps everything, unweighted.
/// The schedule's subset policy and --stratify do not apply: the scores choose. docs/methods/loss.md.
/// </summary>
internal sealed class LossSelector : ISelector
{
    private const ulong TieStream = 0x1055_0001;
    private const ulong EasyStream = 0x1055_0002;

    public LossSelector(double hardShare = 0.5, bool unbiased = false)
    {
        HardShare = ScheduleArguments.Portion(hardShare, "loss", "hard", "selector");
        Unbiased = unbiased;
    }

    public double HardShare { get; }
    public bool Unbiased { get; }

    public string Spec => string.Create(CultureInfo.InvariantCulture, $"loss:hard={HardShare}") + (Unbiased ? ",unbiased" : "");

    public bool NeedsScores => true;

    public EpochSelection Select(SelectionRequest r)
    {
        if (r.Budget < 0 || r.Budget > r.DatasetSize)
            throw new ArgumentOutOfRangeException(nameof(r), $"budget {r.Budget} is outside [0, {r.DatasetSize}]");
        int n = r.DatasetSize, budget = r.Budget;
        if (budget == n) return new EpochSelection(Enumerable.Range(0, n).ToArray());

        var ranked = LossScores.HardestFirst(r.Scores, n, r.Seed, TieStream, r.Epoch);
        int hard = (int)Math.Round(HardShare * budget, MidpointRounding.AwayFromZero);
        int easyKeep = budget - hard, easyPool = n - hard;
        var easy = SeededRandom.For(r.Seed, EasyStream, r.Epoch).Permutation(easyPool)[..easyKeep];

        var indices = new int[budget];
        Array.Copy(ranked, indices, hard);
        for (int k = 0; k < easyKeep; k++) indices[hard + k] = ranked[hard + easy[k]];
        if (!Unbiased) return new EpochSelection(indices);

        var weights = new float[budget];
        Array.Fill(weights, 1f, 0, hard);
        Array.Fill(weights, (float)((double)easyPool / easyKeep), hard, easyKeep);
        return new EpochSelection(indices, weights);
    }
}
