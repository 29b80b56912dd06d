namespace LessData.Store;

/// <summary>One run as `sweep status` shows it: state, who holds it (host/pid/start), last heartbeat, epoch reached, error.</summary>
public sealed record RunActivity(long Id, string Dataset, string ExperimentId, string Spec, int Trial, RunStatus Status,
    string? Owner, string? Heartbeat, int? Epoch, int Epochs, string? Error, string? Started, string? Finished, string? Hardware)
{
    /// <summary>The host of the worker holding the run, or null when nobody holds it.</summary>
    public string? OwnerHost => Owner is null ? null : RunOwner.Parse(Owner).Host;

    /// <summary>The process id of the worker holding the run, or null when nobody holds it.</summary>
    public int? OwnerPid => Owner is null ? null : RunOwner.Parse(Owner).Pid;
}
