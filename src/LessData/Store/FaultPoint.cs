namespace LessData.Store;

/// <summary>
/// The moments of a claimed run at which a test may stop a worker (<see cref="IFaultInjector"/>) to prove the store
/// recovers: the run is claimed and nothing is trained; an epoch's checkpoint is written but its transaction not yet
/// committed; the run is trained and its result not yet stored.
/// </summary>
public enum FaultPoint
{
    /// <summary>A run was claimed; nothing is trained yet.</summary>
    Claimed,

    /// <summary>Inside the checkpoint transaction, before it commits.</summary>
    CheckpointWrite,

    /// <summary>The run is trained; its result is not stored yet.</summary>
    BeforeComplete,
}
