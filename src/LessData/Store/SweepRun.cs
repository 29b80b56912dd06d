using LessData.Runs;

namespace LessData.Store;

/// <summary>
/// One run of a sweep as the store keeps it: which cell (experiment id and method spec) on which dataset and
/// profile, which trial and seed, its status, and its record once completed.
/// </summary>
internal sealed record SweepRun(
    string Plan, string Profile, string Dataset, string ExperimentId, string Spec, int Trial, int Seed,
    RunStatus Status, RunRecord? Record = null, string? Error = null, string? Hardware = null);
