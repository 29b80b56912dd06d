using System.Text.Json.Serialization;

namespace LessData.Data;

/// <summary>
/// The dataset of a run: a name from <see cref="DatasetCatalog"/> or <c>folder:PATH</c> (<see cref="FolderSpec"/>, the
/// path resolved once, here). Printed back as given, so run.json and the store keep the user's text.
/// </summary>
[JsonConverter(typeof(SpecJsonConverter<DatasetSpec>))]
public sealed record DatasetSpec : ISpec<DatasetSpec>
{
    private readonly string _text;

    private DatasetSpec(string text, FolderSpec? folder) => (_text, Folder) = (text, folder);

    /// <summary>The folder of a <c>folder:PATH</c> dataset (not checked to exist); null for a built-in dataset.</summary>
    internal FolderSpec? Folder { get; }

    /// <summary>The path of a <c>folder:PATH</c> dataset as given (the text after <c>folder:</c>); null for a built-in dataset.</summary>
    public string? FolderText => IsFolder ? _text.Trim()[FolderSpec.Prefix.Length..] : null;

    /// <summary>Whether this is a folder of the user's own images.</summary>
    public bool IsFolder => Folder is not null;

    /// <summary>The dataset <paramref name="text"/> names; a user error for an unknown name or an empty folder path.</summary>
    public static DatasetSpec Parse(string text)
    {
        if (FolderSpec.IsFolder(text)) return new DatasetSpec(text, FolderSpec.Parse(text));
        DatasetCatalog.Get(text ?? "");
        return new DatasetSpec(text!, null);
    }

    /// <summary>The spec's text, e.g. "fashion-mnist" or "folder:~/images".</summary>
    public static implicit operator string(DatasetSpec spec) => spec._text;

    /// <summary>The spec as given, e.g. "fashion-mnist" or "folder:~/images".</summary>
    public override string ToString() => _text;
}
