namespace LessData.Augmentation;

/// <summary>
/// The augmentation pipeline for a run. By default the base model's pipeline for a built-in dataset; for a folder
/// dataset, <c>cifar</c> (random crop with 4-pixel padding, horizontal flip) for RGB and <c>mnist</c> (rotation, shift,
/// squish, erasure) for grey images. <c>--augment none|cifar|mnist|norb</c> picks one by name (augment = false:
/// training = test transform).
/// </summary>
internal static class AugmentationFactory
{
    public static IReadOnlyList<string> Datasets { get; } = ["mnist", "fashion-mnist", "cifar10", "smallnorb"];

    public static IBatchTransform For(string dataset, bool augment, int channels, int height, int width) =>
        For(dataset, null, augment, channels, height, width);

    /// <summary>The transform of <paramref name="pipeline"/> (null = the dataset's own) for images of this shape.</summary>
    public static IBatchTransform For(string dataset, AugmentationPipeline? pipeline, bool augment, int channels, int height, int width)
    {
        if (channels < 1 || height < 1 || width < 1)
            throw new UserError($"images of {channels}x{height}x{width} cannot be augmented");
        var name = pipeline ?? DefaultPipeline(dataset, channels);
        IBatchTransform transform = name == AugmentationPipeline.Mnist ? Mnist(channels, height, width)
            : name == AugmentationPipeline.Norb ? new SmallNorbTransform()
            : new CifarTransform(channels, height, width);
        return augment && name != AugmentationPipeline.None ? transform : new UnaugmentedTransform(transform);
    }

    /// <summary>The dataset's own pipeline: the base model's for a built-in dataset; cifar (RGB) or mnist (grey) for a folder.</summary>
    public static AugmentationPipeline DefaultPipeline(string dataset, int channels)
    {
        if (Data.FolderSpec.IsFolder(dataset)) return channels == 3 ? AugmentationPipeline.Cifar : AugmentationPipeline.Mnist;
        return Normalize(dataset) switch
        {
            "mnist" or "fashion-mnist" => AugmentationPipeline.Mnist,
            "cifar10" => AugmentationPipeline.Cifar,
            _ => AugmentationPipeline.Norb,
        };
    }

    private static MnistTransform Mnist(int channels, int height, int width)
    {
        int least = RandomErase.Border + RandomErase.Patch + 2;
        if (height < least || width < least)
            throw new UserError($"the MNIST augmentation needs images of at least {least}x{least} (got {height}x{width}); pick another pipeline", parameter: AugmentationPipeline.Setting);
        return new MnistTransform(channels, height, width);
    }

    private static string Normalize(string dataset) =>
        Datasets.Contains(dataset)
            ? dataset
            : throw new UserError($"no augmentation pipeline for dataset '{dataset}'; known datasets: {string.Join(", ", Datasets)}");
}
