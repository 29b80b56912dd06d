namespace LessData.Data;

/// <summary>One dataset of the catalog: how to recognise it in a folder, read a split, and install a download.</summary>
internal interface IDatasetFormat
{
    string Name { get; }
    int ClassCount { get; }
    /// <summary>Images in the full training split (for expected evaluations before any data is loaded).</summary>
    int TrainSize { get; }
    IReadOnlyList<RemoteFile> Downloads { get; }

    /// <summary>The files a split needs, as found in the folder (null for a file that is missing).</summary>
    IReadOnlyList<(string Expected, string? Found)> Files(string folder);

    ImageDataset Load(string folder, string split);

    /// <summary>Turns verified downloads (in the folder) into the files Load reads, e.g. extracting an archive.</summary>
    void Install(string folder);
}
