namespace LessData.Data.Folders;

/// <summary>
/// The files of a folder dataset, labelled and split. Two layouts: <c>PATH/train/&lt;class&gt;/*</c> plus
/// <c>PATH/test/&lt;class&gt;/*</c>, or <c>PATH/&lt;class&gt;/*</c> split by <c>--test-split</c> (seeded, per class).
/// Class names sorted ordinally are the labels. Hidden files (".name") are ignored.
/// </summary>
internal sealed record FolderLayout(string Root, string Kind, IReadOnlyList<string> Classes,
    IReadOnlyList<LabelledFile> Train, IReadOnlyList<LabelledFile> Test)
{
    public const string SplitFolders = "train/test";
    public const string ClassFolders = "classes";

    public static FolderLayout Scan(string root, FolderSettings settings)
    {
        string train = Path.Combine(root, "train"), test = Path.Combine(root, "test");
        if (Directory.Exists(train) || Directory.Exists(test))
        {
            if (!Directory.Exists(train) || !Directory.Exists(test))
                throw new UserError($"splits class folders put directly in {root}, which has {(Directory.Exists(train) ? "train/" : "test/")} but not {(Directory.Exists(train) ? "test/" : "train/")}: give both, or move the class folders up and use this", parameter: FolderSettings.TestSplitSetting);
            if (settings.TestSplit is not null)
                throw new UserError($"does not apply: {root} already has train/ and test/; drop it", parameter: FolderSettings.TestSplitSetting);
            var classes = ClassNames(train);
            var testClasses = ClassNames(test, requireTwo: false);
            foreach (var missing in classes.Except(testClasses, StringComparer.Ordinal))
                throw new UserError($"{Path.Combine(test, missing)}: class '{missing}' is missing from the test split");
            foreach (var extra in testClasses.Except(classes, StringComparer.Ordinal))
                throw new UserError($"{Path.Combine(test, extra)}: class '{extra}' is in the test split but not in train/");
            return new FolderLayout(root, SplitFolders, classes, Files(train, classes), Files(test, classes));
        }
        if (settings.TestSplit is not { } fraction)
            throw new UserError($"F (e.g. 0.2) is needed: {root} has no train/ and test/ folders, so its class folders must be split", parameter: FolderSettings.TestSplitSetting);
        var names = ClassNames(root);
        var all = Files(root, names);
        var (trainFiles, testFiles) = StratifiedSplit.Apply(all, names, fraction, settings.Seed);
        return new FolderLayout(root, ClassFolders, names, trainFiles, testFiles);
    }

    private static List<string> ClassNames(string folder, bool requireTwo = true)
    {
        var names = Directory.EnumerateDirectories(folder).Select(d => Path.GetFileName(d)!)
            .Where(n => !n.StartsWith('.')).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new UserError($"{folder}: no class folders; put each class's images in a subfolder named after the class");
        if (names.Count == 1 && requireTwo) throw new UserError($"{folder}: only one class folder ('{names[0]}'); a classifier needs at least two classes");
        return names;
    }

    private static List<LabelledFile> Files(string folder, IReadOnlyList<string> classes)
    {
        var files = new List<LabelledFile>();
        for (int label = 0; label < classes.Count; label++)
        {
            var dir = Path.Combine(folder, classes[label]);
            var inClass = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.')).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (inClass.Count == 0) throw new UserError($"{dir}: class folder is empty");
            files.AddRange(inClass.Select(f => new LabelledFile(f, label)));
        }
        return files;
    }
}

/// <summary>One image file and its class index.</summary>
internal readonly record struct LabelledFile(string Path, int Label);
