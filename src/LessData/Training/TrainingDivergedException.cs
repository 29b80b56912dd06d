using System.Globalization;

namespace LessData.Training;

/// <summary>
/// Training met a non-finite loss (NaN or ±infinity) and stopped inside that batch: nothing after it can be trusted,
/// and every further step would only spend time. The message is one line for the user and is what a store records as
/// the failed run's reason.
/// </summary>
public sealed class TrainingDivergedException(string quantity, double value, int epoch, int batch, string model, double learningRate)
    : Exception(Describe(quantity, value, epoch, batch, model, learningRate))
{
    /// <summary>What was non-finite ("loss").</summary>
    public string Quantity { get; } = quantity;
    /// <summary>The value read (NaN or ±infinity).</summary>
    public double Value { get; } = value;
    /// <summary>The epoch, counted from 1.</summary>
    public int Epoch { get; } = epoch;
    /// <summary>The batch within the epoch, counted from 1.</summary>
    public int Batch { get; } = batch;

    private static string Describe(string quantity, double value, int epoch, int batch, string model, double lr)
    {
        string what = double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
        string where = string.Create(CultureInfo.InvariantCulture, $"at epoch {epoch}, batch {batch} ({model}, lr {lr:G4})");
        return $"diverged: {what} {quantity} {where}; try a learning rate 10x lower, check the images for NaN, "
            + "and see the numerics self-check in run.json's provenance";
    }
}
