using LessData.Selection;

namespace LessData.Data.Folders;

/// <summary>
/// A seeded, class-stratified train/test split: each class sends round(F·n) of its files (at least 1, at most n − 1)
/// to test, drawn from its own seeded permutation. Pure: the same files, fraction and seed give the same split.
/// </summary>
internal static class StratifiedSplit
{
    private const ulong Stream = 0x5B117;

    public static (List<LabelledFile> Train, List<LabelledFile> Test) Apply(IReadOnlyList<LabelledFile> files,
        IReadOnlyList<string> classes, double fraction, int seed)
    {
        var train = new List<LabelledFile>();
        var test = new List<LabelledFile>();
        foreach (var group in files.GroupBy(f => f.Label).OrderBy(g => g.Key))
        {
            var inClass = group.ToArray();
            if (inClass.Length < 2)
                throw new UserError($"needs at least 2 images per class (one for each split); class '{classes[group.Key]}' has {inClass.Length}", parameter: FolderSettings.TestSplitSetting);
            int toTest = Math.Clamp((int)Math.Round(fraction * inClass.Length, MidpointRounding.AwayFromZero), 1, inClass.Length - 1);
            var order = SeededDraws.Permutation(seed, Stream + (ulong)group.Key, inClass.Length);
            var chosen = new HashSet<int>(order[..toTest]);
            for (int i = 0; i < inClass.Length; i++) (chosen.Contains(i) ? test : train).Add(inClass[i]);
        }
        return (train, test);
    }
}
