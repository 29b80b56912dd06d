namespace LessData.Training;

/// <summary>
/// The one immutable configuration of a training run: the experiment (its identity) and the environment it runs in.
/// Files or flags override the defaults; it is frozen before the run and written into run.json.
/// </summary>
public sealed record TrainConfig
{
    /// <summary>What is trained: the identity of the run.</summary>
    public ExperimentConfig Experiment { get; init; } = new();
    /// <summary>Where and how it runs: not part of the identity.</summary>
    public RunEnvironment Environment { get; init; } = new();
}
