namespace LessData.Data.Folders;

/// <summary>
/// Changes the channel count of [N, C, H, W] bytes: 3 → 1 by ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B, rounded),
/// 1 → 3 by repeating the grey plane. Same count: the same array.
/// </summary>
internal static class ChannelConversion
{
    public static byte[] Convert(byte[] pixels, int from, int to, int plane)
    {
        if (from == to) return pixels;
        int n = pixels.Length / (from * plane);
        var result = new byte[(long)n * to * plane];
        for (int i = 0; i < n; i++)
        {
            long src = (long)i * from * plane, dst = (long)i * to * plane;
            if (to == 1)
                for (int p = 0; p < plane; p++)
                    result[dst + p] = (byte)((299 * pixels[src + p] + 587 * pixels[src + plane + p] + 114 * pixels[src + 2 * plane + p] + 500) / 1000);
            else
                for (int c = 0; c < to; c++) Array.Copy(pixels, src, result, dst + (long)c * plane, plane);
        }
        return result;
    }
}
