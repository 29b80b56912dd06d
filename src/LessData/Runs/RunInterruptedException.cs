using System.Globalization;

namespace LessData.Runs;

/// <summary>
/// A resumable run stopped on request at the end of a batch; its run folder says "interrupted" and holds the
/// checkpoint of the last finished epoch, from which it can continue.
/// </summary>
public sealed class RunInterruptedException(string folder, int epochsDone, int epochs, CancellationToken token)
    : OperationCanceledException(string.Create(CultureInfo.InvariantCulture, $"interrupted after {epochsDone} of {epochs} epochs"), token)
{
    /// <summary>The run folder (run.json, epochs.csv, checkpoint/).</summary>
    public string Folder { get; } = folder;
    /// <summary>Epochs finished and kept.</summary>
    public int EpochsDone { get; } = epochsDone;
    /// <summary>Epochs the run was configured for.</summary>
    public int Epochs { get; } = epochs;
}
