namespace LessData.Selection;

/// <summary>
/// Pure: turns an epoch's selected indices into batches in a seeded shuffled order. Every selected image is fed exactly
/// once (no drop_last), so evaluations are exact. A final batch of a single image joins the one before it, because
/// batch-norm cannot normalise one sample.
/// </summary>
internal static class EpochBatches
{
    internal static IReadOnlyList<Batch> Make(EpochSelection selection, int batchSize, int seed, int epoch)
    {
        if (batchSize < 1) throw new SelectionException("batchSize", $"batch size must be at least 1 (got {batchSize})");
        int m = selection.Indices.Length;
        var order = Enumerable.Range(0, m).ToArray();
        ShuffleOrder.Shuffle(order, seed, epoch);

        var batches = new List<Batch>((m + batchSize - 1) / batchSize);
        int start = 0;
        while (start < m)
        {
            int end = Math.Min(m, start + batchSize);
            if (m - end == 1) end = m; // never leave a batch of one behind
            var slots = order[start..end];
            batches.Add(new Batch(
                slots.Select(s => selection.Indices[s]).ToArray(),
                selection.Weights is { } w ? slots.Select(s => w[s]).ToArray() : null));
            start = end;
        }
        return batches;
    }
}
