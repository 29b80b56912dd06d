namespace LessData.Store;

/// <summary>One row of the store's claim log: claim, reclaim (after a lost lease), release, complete, duplicate or fail.</summary>
internal sealed record ClaimEvent(long Seq, long RunId, string Owner, string Event, string At);
