namespace LessData.Data;

/// <summary>The datasets LessData knows, with their canonical sources and published SHA-256 checksums (docs/datasets.md).</summary>
internal static class DatasetCatalog
{
    internal static IReadOnlyList<IDatasetFormat> All { get; } =
    [
        new IdxDataset("mnist", "https://ossci-datasets.s3.amazonaws.com/mnist/", new Dictionary<string, string>
        {
            ["train-images-idx3-ubyte.gz"] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            ["train-labels-idx1-ubyte.gz"] = "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            ["t10k-images-idx3-ubyte.gz"] = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            ["t10k-labels-idx1-ubyte.gz"] = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        }),
        new IdxDataset("fashion-mnist", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", new Dictionary<string, string>
        {
            ["train-images-idx3-ubyte.gz"] = "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            ["train-labels-idx1-ubyte.gz"] = "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            ["t10k-images-idx3-ubyte.gz"] = "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            ["t10k-labels-idx1-ubyte.gz"] = "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
        }),
        new Cifar10Dataset(),
        new SmallNorbDataset(),
    ];

    /// <summary>How errors name the dataset setting (the CLI maps it to its flag).</summary>
    public const string Setting = "dataset";

    internal static IDatasetFormat Get(string name) =>
        All.FirstOrDefault(d => d.Name == name.Trim().ToLowerInvariant())
        ?? throw new UserError($"'{name}' is not a dataset LessData knows: use one of {string.Join(", ", All.Select(d => d.Name))}, "
            + $"or {FolderSpec.Prefix}PATH for your own images (one subfolder per class)", parameter: Setting);
}
