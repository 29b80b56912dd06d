using System.Diagnostics;

namespace LessData.Data.Folders;

/// <summary>
/// The collect stage for <c>--dataset folder:PATH</c>: scan the layout, then load both splits from the cache or decode
/// them (in parallel, each image into its own slot, so the result does not depend on thread timing), then give them the
/// requested channel count. Every problem a user can fix is a <see cref="UserError"/> naming the file.
/// </summary>
internal static class FolderDataset
{
    public static FolderData Load(FolderSpec spec, FolderSettings settings, string cacheRoot, IProgress<FolderProgress>? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        settings = settings.Validated();
        var layout = FolderLayout.Scan(spec.Path, settings);
        string key = FolderCache.Key(layout, settings);
        string? trainCache = cacheRoot == "" ? null : FolderCache.PathFor(cacheRoot, key, "train");
        string? testCache = cacheRoot == "" ? null : FolderCache.PathFor(cacheRoot, key, "test");
        var train = trainCache is null ? null : FolderCache.TryRead(trainCache);
        var test = testCache is null ? null : FolderCache.TryRead(testCache);
        bool hit = train is not null && test is not null;
        if (!hit)
        {
            var size = settings.Size ?? CommonSize(layout, settings.Strict, progress);
            train = Decode(layout, layout.Train, size, settings.Strict, progress, "train");
            test = Decode(layout, layout.Test, size, settings.Strict, progress, "test");
            if (trainCache is not null && testCache is not null)
            {
                FolderCache.Write(trainCache, train);
                FolderCache.Write(testCache, test);
            }
        }
        int channels = settings.Channels ?? train!.Channels;
        var skipped = train!.Skipped.Concat(test!.Skipped).ToList();
        if (settings.Strict && skipped.Count > 0) throw new UserError(skipped[0], parameter: FolderSettings.StrictSetting); // a cache built without strict mode
        var summary = new FolderSummary(spec.Path, layout.Kind, layout.Classes, settings.TestSplit, train.Size.ToString(), channels,
            train.Labels.Length, test.Labels.Length, skipped.Count, skipped.Take(FolderSummary.SkippedShown).ToList(), hit,
            Math.Round(stopwatch.Elapsed.TotalSeconds, 3));
        return new FolderData(ToDataset(spec, "train", train, channels, layout.Classes), ToDataset(spec, "test", test, channels, layout.Classes), summary);
    }

    /// <summary>The size every image shares (read from headers only), or an error naming two files that differ.</summary>
    private static ImageSize CommonSize(FolderLayout layout, bool strict, IProgress<FolderProgress>? progress)
    {
        var files = layout.Train.Concat(layout.Test).ToArray();
        var sizes = new ImageSize?[files.Length];
        var problems = new string?[files.Length];
        int done = 0;
        Parallel.For(0, files.Length, i =>
        {
            (sizes[i], problems[i]) = ImageFileReader.Identify(files[i].Path);
            Report(progress, "reading image sizes", Interlocked.Increment(ref done), files.Length);
        });
        if (strict) FailOnFirst(files, problems);
        int first = Array.FindIndex(sizes, s => s is not null);
        if (first < 0) throw new UserError($"{layout.Root}: no file could be decoded as an image (first: {files[0].Path}: {problems[0]})");
        int other = Array.FindIndex(sizes, s => s is not null && s != sizes[first]);
        if (other >= 0)
            throw new UserError($"S or HxW is needed to resize them all: images differ in size ({files[first].Path} is {Describe(sizes[first]!.Value)}, {files[other].Path} is {Describe(sizes[other]!.Value)})", parameter: FolderSettings.ImageSizeSetting);
        return sizes[first]!.Value;
    }

    private static DecodedSplit Decode(FolderLayout layout, IReadOnlyList<LabelledFile> files, ImageSize size, bool strict,
        IProgress<FolderProgress>? progress, string split)
    {
        int plane = size.Height * size.Width;
        var rgb = new byte[(long)files.Count * 3 * plane];
        var grey = new bool[files.Count];
        var problems = new string?[files.Count];
        int done = 0;
        Parallel.For(0, files.Count, i =>
        {
            (grey[i], problems[i]) = ImageFileReader.Decode(files[i].Path, size, rgb.AsSpan((int)((long)i * 3 * plane), 3 * plane));
            Report(progress, $"decoding {split} images", Interlocked.Increment(ref done), files.Count);
        });
        if (strict) FailOnFirst(files, problems);
        var kept = Enumerable.Range(0, files.Count).Where(i => problems[i] is null).ToArray();
        foreach (var label in Enumerable.Range(0, layout.Classes.Count).Where(c => !kept.Any(i => files[i].Label == c)))
            throw new UserError($"{Path.Combine(layout.Kind == FolderLayout.SplitFolders ? Path.Combine(layout.Root, split) : layout.Root, layout.Classes[label])}: no image in this class folder could be decoded ({split} split)");
        bool allGrey = kept.All(i => grey[i]);
        int channels = allGrey ? 1 : 3;
        var pixels = new byte[(long)kept.Length * channels * plane];
        for (int k = 0; k < kept.Length; k++)
            Array.Copy(rgb, (long)kept[k] * 3 * plane, pixels, (long)k * channels * plane, channels * plane);
        var skipped = Enumerable.Range(0, files.Count).Where(i => problems[i] is not null).Select(i => $"{files[i].Path}: {problems[i]}").ToList();
        return new DecodedSplit(pixels, kept.Select(i => files[i].Label).ToArray(), channels, size, skipped);
    }

    private static void FailOnFirst(IReadOnlyList<LabelledFile> files, string?[] problems)
    {
        int bad = Array.FindIndex(problems, p => p is not null);
        if (bad >= 0) throw new UserError($"{files[bad].Path}: {problems[bad]}", parameter: FolderSettings.StrictSetting);
    }

    private static ImageDataset ToDataset(FolderSpec spec, string split, DecodedSplit data, int channels, IReadOnlyList<string> classes)
    {
        var pixels = ChannelConversion.Convert(data.Pixels, data.Channels, channels, data.Size.Height * data.Size.Width);
        return new ImageDataset(spec.ToString(), split, pixels, data.Labels, channels, data.Size.Height, data.Size.Width, classes.Count)
        {
            ClassNames = classes,
        };
    }

    private static void Report(IProgress<FolderProgress>? progress, string stage, int done, int total)
    {
        if (progress is not null && (done % 256 == 0 || done == total)) progress.Report(new FolderProgress(stage, done, total));
    }

    private static string Describe(ImageSize s) => $"{s.Height}x{s.Width}";
}

/// <summary>Both splits of a folder dataset and what was read (for run.json).</summary>
internal sealed record FolderData(ImageDataset Train, ImageDataset Test, FolderSummary Summary);

/// <summary>Decoding progress: a stage, files done and total.</summary>
internal readonly record struct FolderProgress(string Stage, int Done, int Total);
