using LessData.Selection;

namespace LessData.Data;

/// <summary>
/// A seeded, class-balanced subset of a split (for --train-limit / --test-limit): each class contributes in proportion
/// to its size (largest remainder), drawn from its own seeded permutation. Pure: the same labels, limit and seed give
/// the same sorted indices for every schedule.
/// </summary>
internal static class BalancedSubset
{
    private const ulong Stream = 0xDA7A51;

    /// <param name="parameter">The setting the limit comes from, named in errors (e.g. "testLimit"); null: "limit".</param>
    /// <param name="labels">The label of every image.</param>
    /// <param name="limit">Images to keep.</param>
    /// <param name="seed">The seed of the draw.</param>
    public static int[] Indices(IReadOnlyList<int> labels, int limit, int seed, string? parameter = null)
    {
        string what = parameter is null ? "limit " : "";
        if (limit < 1) throw new UserError($"{what}must be at least 1 (got {limit})", parameter: parameter);
        if (limit > labels.Count) throw new UserError($"{what}{limit} is larger than the split ({labels.Count} images); lower it or drop the option", parameter: parameter);
        int[] chosen = [.. SeededDraws.Stratified(labels, limit, seed, Stream)];
        Array.Sort(chosen);
        return chosen;
    }
}
