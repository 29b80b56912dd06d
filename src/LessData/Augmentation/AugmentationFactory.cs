namespace LessData.Augmentation;

/// <summary>
/// The augmentation pipeline for a run. By default the base model's pipeline for a built-in dataset; for a folder
/// dataset, <c>cifar</c> (random crop with 4-pixel padding, horizontal flip) for RGB and <c>mnist</c> (rotation, shift,
/// squish, erasure) for grey images. <c>--augment none|cifar|mnist|norb</c> picks one by name (augment = false:
/// training = test transform).
/// </summary>
public static class AugmentationFactory
{
    public static IReadOnlyList<string> Datasets { get; } = ["mnist", "fashion-mnist", "cifar10", "smallnorb"];

    public static IReadOnlyList<string> Pipelines { get; } = ["none", "cifar", "mnist", "norb"];

    public static IBatchTransform For(string dataset, bool augment, int channels, int height, int width) =>
        For(dataset, null, augment, channels, height, width);

    public static IBatchTransform For(string dataset, string? pipeline, bool augment, int channels, int height, int width)
    {
        if (channels < 1 || height < 1 || width < 1)
            throw new UserError($"images of {channels}x{height}x{width} cannot be augmented");
        string name = CheckPipeline(pipeline) ?? DefaultPipeline(dataset, channels);
        IBatchTransform transform = name switch
        {
            "mnist" => Mnist(channels, height, width),
            "norb" => new SmallNorbTransform(),
            _ => new CifarTransform(channels, height, width),
        };
        return augment && name != "none" ? transform : new UnaugmentedTransform(transform);
    }

    /// <summary>The canonical pipeline name, or null for "the dataset's default"; an unknown name is a user error.</summary>
    public static string? CheckPipeline(string? pipeline)
    {
        if (string.IsNullOrWhiteSpace(pipeline)) return null;
        string p = pipeline.Trim().ToLowerInvariant();
        return Pipelines.Contains(p) ? p : throw new UserError($"--augment must be one of {string.Join(", ", Pipelines)} (got '{pipeline}')");
    }

    public static string DefaultPipeline(string dataset, int channels)
    {
        if (Data.Folders.FolderSpec.IsFolder(dataset)) return channels == 3 ? "cifar" : "mnist";
        return Normalize(dataset) switch
        {
            "mnist" or "fashion-mnist" => "mnist",
            "cifar10" => "cifar",
            _ => "norb",
        };
    }

    private static MnistTransform Mnist(int channels, int height, int width)
    {
        int least = RandomErase.Border + RandomErase.Patch + 2;
        if (height < least || width < least)
            throw new UserError($"the MNIST augmentation needs images of at least {least}x{least} (got {height}x{width}); pick another with --augment");
        return new MnistTransform(channels, height, width);
    }

    private static string Normalize(string dataset) =>
        Datasets.Contains(dataset)
            ? dataset
            : throw new UserError($"no augmentation pipeline for dataset '{dataset}'; known datasets: {string.Join(", ", Datasets)}");
}
