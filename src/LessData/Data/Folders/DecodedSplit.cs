namespace LessData.Data.Folders;

/// <summary>
/// One decoded split: pixels [N, C, H, W] (C = 1 when every image is grey, else 3), labels, and the files skipped
/// as "path: reason" lines.
/// </summary>
internal sealed record DecodedSplit(byte[] Pixels, int[] Labels, int Channels, ImageSize Size, IReadOnlyList<string> Skipped);
