namespace LessData.Store;

/// <summary>Where a run stands in the store.</summary>
public enum RunStatus
{
    /// <summary>Queued; no worker holds it.</summary>
    Pending,

    /// <summary>Claimed by a worker that keeps its lease.</summary>
    Running,

    /// <summary>Trained; its record is in the store.</summary>
    Completed,

    /// <summary>Stopped by an error; <see cref="RunStore.RetryFailed"/> puts it back to pending.</summary>
    Failed,
}
