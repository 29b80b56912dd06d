using System.Collections;
using LessData.Selection;

namespace LessData.Torch;

/// <summary>
/// The index source for TorchSharp's <c>torch.utils.data.DataLoader(dataset, batchSize, shuffler)</c>: that overload
/// takes an <c>IEnumerable&lt;long&gt;</c>, enumerates it afresh every epoch and stops when it ends, so a shorter
/// sequence is a shorter epoch. Call <see cref="Use"/> with each epoch's plan before iterating the loader. The loader's
/// own <c>Count</c> still reports the dataset's batches; count what you iterate. docs/library.md.
/// </summary>
public sealed class PlannedIndices : IEnumerable<long>
{
    private EpochPlan? _plan;

    /// <summary>The plan the next enumeration yields.</summary>
    public void Use(EpochPlan plan) => _plan = plan ?? throw new ArgumentNullException(nameof(plan));

    /// <summary>The current plan's indices in its seeded batch order.</summary>
    public IEnumerator<long> GetEnumerator() =>
        (_plan ?? throw new InvalidOperationException("call Use(plan) with the epoch's plan before iterating")).Order().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
