namespace LessData.Store;

/// <summary>
/// A test seam: told each time a worker reaches a <see cref="FaultPoint"/>, so a test can hold or kill the process
/// exactly there. Shipped code passes <see cref="WorkerSeams.Production"/>, whose injector does nothing.
/// </summary>
public interface IFaultInjector
{
    /// <summary>Called when the worker reaches <paramref name="point"/>; returns to let it go on.</summary>
    void Reached(FaultPoint point);
}
