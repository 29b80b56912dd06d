using LessData.Native;

namespace LessData.Provenance;

/// <summary>Provenance written next to the config: git commit and package versions.</summary>
internal sealed record RunProvenance(string GitCommit, IReadOnlyDictionary<string, string> Versions, string Machine, string CommandLine,
    NumericsRecord? Numerics = null);
