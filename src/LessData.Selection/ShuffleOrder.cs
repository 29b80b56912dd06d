namespace LessData.Selection;

/// <summary>Pure, seeded Fisher–Yates shuffle of an epoch's batch order (stream: SeedStreams.BatchOrder).</summary>
internal static class ShuffleOrder
{
    public static void Shuffle(int[] items, int seed, int epoch)
    {
        ulong state = SeedStreams.BatchOrder(seed, epoch);
        for (int i = items.Length - 1; i > 0; i--)
        {
            state = SeedStreams.Mix(state, (ulong)i);
            int j = (int)(state % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
