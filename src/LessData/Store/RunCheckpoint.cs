namespace LessData.Store;

/// <summary>Where a claimed run keeps its checkpoint while it trains (a local scratch folder), and whom to tell when a new one is complete.</summary>
public sealed record RunCheckpoint(string Directory, Action Saved);
