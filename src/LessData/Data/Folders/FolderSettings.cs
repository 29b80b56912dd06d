namespace LessData.Data.Folders;

/// <summary>
/// How a folder dataset is read: the test split for a single-layout folder, the decoded size and channel count
/// (null = infer), whether an undecodable file is an error, and the seed of the split.
/// </summary>
internal sealed record FolderSettings(double? TestSplit, ImageSize? Size, int? Channels, bool Strict, int Seed)
{
    /// <summary>How errors name the test-split setting (the CLI maps it to its flag).</summary>
    public const string TestSplitSetting = "testSplit";

    /// <summary>How errors name the channels setting (the CLI maps it to its flag).</summary>
    public const string ChannelsSetting = "channels";

    /// <summary>How errors name the strict setting (the CLI maps it to its flag).</summary>
    public const string StrictSetting = "strict";

    /// <summary>How errors name the image-size setting (the CLI maps it to its flag).</summary>
    public const string ImageSizeSetting = ImageSize.Setting;

    /// <summary>Checks the settings alone, before any file is read.</summary>
    public FolderSettings Validated()
    {
        if (TestSplit is { } f && !(f > 0 && f < 1))
            throw new UserError($"must be in (0, 1), e.g. 0.2 (got {f.ToString(System.Globalization.CultureInfo.InvariantCulture)})", parameter: TestSplitSetting);
        if (Channels is { } c && c is not (1 or 3))
            throw new UserError($"must be 1 or 3 (got {c})", parameter: ChannelsSetting);
        return this;
    }
}
