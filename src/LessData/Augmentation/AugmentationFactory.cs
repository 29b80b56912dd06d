namespace LessData.Augmentation;

/// <summary>The base model's augmentation pipeline for a dataset name (augment = false: training = test transform).</summary>
public static class AugmentationFactory
{
    public static IReadOnlyList<string> Datasets { get; } = ["mnist", "fashion-mnist", "cifar10", "smallnorb"];

    public static IBatchTransform For(string dataset, bool augment, int channels, int height, int width)
    {
        if (channels < 1 || height < 1 || width < 1)
            throw new UserError($"images of {channels}x{height}x{width} cannot be augmented");
        IBatchTransform transform = Normalize(dataset) switch
        {
            "mnist" or "fashion-mnist" => Mnist(channels, height, width),
            "cifar10" => new CifarTransform(channels, height, width),
            _ => new SmallNorbTransform(),
        };
        return augment ? transform : new UnaugmentedTransform(transform);
    }

    private static MnistTransform Mnist(int channels, int height, int width)
    {
        int least = RandomErase.Border + RandomErase.Patch + 2;
        if (height < least || width < least)
            throw new UserError($"the MNIST augmentation needs images of at least {least}x{least} (got {height}x{width})");
        return new MnistTransform(channels, height, width);
    }

    private static string Normalize(string dataset) =>
        Datasets.Contains(dataset)
            ? dataset
            : throw new UserError($"no augmentation pipeline for dataset '{dataset}'; known datasets: {string.Join(", ", Datasets)}");
}
