namespace LessData.Store;

/// <summary>
/// What a test replaces in a worker: the node name it claims runs under (several test workers on one machine play
/// different nodes) and where it may be stopped. Shipped commands use <see cref="Production"/>.
/// </summary>
/// <param name="Host">This node's name in the store (<see cref="RunOwner.Host"/>); liveness is checked only for owners of the same name.</param>
/// <param name="Faults">Told at every <see cref="FaultPoint"/>.</param>
public sealed record WorkerSeams(string Host, IFaultInjector Faults)
{
    /// <summary>The machine's name and no faults.</summary>
    public static WorkerSeams Production { get; } = new(Environment.MachineName, new NoFaults());

    /// <summary>The name this process claims runs under on <see cref="Host"/>: host/pid/process start.</summary>
    public string OwnerName => RunOwner.Current(Host).ToString();

    private sealed class NoFaults : IFaultInjector
    {
        public void Reached(FaultPoint point) { }
    }
}
