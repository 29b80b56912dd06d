namespace LessData.Selection;

/// <summary>
/// Data Cut (paper §3.3): the training set is split once, at random, into N cuts of (near) equal size, and the epochs
/// into N sections; section k trains on cuts 1..k. Epoch e (0-based) is in section k_e = ceil((e + 1) · N / E), so the
/// last epoch always trains on all data; when E &lt; N some sections are merged. Cut boundaries are b_k = round(k · n / N).
/// Evaluations = Σ_e b_(k_e) ≈ (N + 1)/(2N) of the baseline when N divides E.
/// </summary>
internal sealed class DataCutSchedule : ISchedule
{
    public DataCutSchedule(int cuts)
    {
        if (cuts < 1) throw new SelectionException("schedule", $"cut: the number of cuts must be a whole number ≥ 1 (got {cuts})");
        Cuts = cuts;
    }

    public int Cuts { get; }

    public string Spec => $"cut:{Cuts}";
    public SubsetPolicy DefaultPolicy => SubsetPolicy.Nested;

    public int SectionAt(int epoch, int totalEpochs) =>
        (int)Math.Min(Cuts, ((long)(epoch + 1) * Cuts + totalEpochs - 1) / totalEpochs);

    public double FractionAt(int epoch, int totalEpochs) => (double)SectionAt(epoch, totalEpochs) / Cuts;

    public int ImagesAt(int epoch, int totalEpochs, int datasetSize) =>
        Math.Max(Math.Min(1, datasetSize), Rounding.Round((double)SectionAt(epoch, totalEpochs) * datasetSize / Cuts));

    /// <summary>Σ over sections k of (epochs in section k) · b_k, with epochs in section k counted in closed form.</summary>
    public long PredictedEvaluations(int totalEpochs, int datasetSize)
    {
        long sum = 0;
        for (int k = 1; k <= Cuts; k++)
        {
            // epochs e with ceil((e+1)N/E) == k  ⇔  (k−1)·E/N < e+1 ≤ k·E/N
            long last = (long)k * totalEpochs / Cuts;               // largest e+1 with (e+1)·N ≤ k·E
            long first = (long)(k - 1) * totalEpochs / Cuts;        // largest e+1 in earlier sections
            long epochs = last - first;
            long images = Math.Max(Math.Min(1, datasetSize), Rounding.Round((double)k * datasetSize / Cuts));
            sum += epochs * images;
        }
        return sum;
    }
}
