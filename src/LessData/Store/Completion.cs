namespace LessData.Store;

/// <summary>What the store did with a finished run's result: stored it, or kept it apart because the run was no longer this worker's.</summary>
internal enum Completion { Accepted, Duplicate }
