using LessData.Augmentation;
using LessData.Data;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// Everything the trainer needs, resolved: the experiment, the environment, data, the augment stage and a model factory.
/// FinalTest is the full test split for the final-window figures (null: Test is already the full split); Meter measures
/// each epoch's energy (null: none, 0 kWh).
/// </summary>
internal sealed record TrainingSetup(
    ExperimentConfig Experiment,
    RunEnvironment Environment,
    ImageDataset Train,
    ImageDataset Test,
    IBatchTransform Transform,
    Func<nn.Module<Tensor, Tensor>> CreateModel,
    ImageDataset? FinalTest = null,
    Energy.IEnergyMeter? Meter = null)
{
    /// <summary>Whether the weight average (EMA) is what is evaluated (the paper's HVC); else the trained weights are.</summary>
    public bool EvaluatesAverage { get; init; } = true;

    /// <summary>Called once after the last epoch with the evaluated model (to save it).</summary>
    public Action<nn.Module<Tensor, Tensor>>? Trained { get; init; }
}

/// <summary>What training produced: the epoch rows, training-step seconds and where the step time went.</summary>
internal sealed record TrainingOutcome(IReadOnlyList<EpochRecord> Epochs, double TrainSeconds, StepTimings Timings);

/// <summary>Seconds spent in each part of the training epochs (for `lessdata bench`).</summary>
internal sealed record StepTimings(double Selection, double WaitForBatches, double Producer, double Steps)
{
    public static readonly StepTimings Zero = new(0, 0, 0, 0);
    public StepTimings Add(StepTimings o) => new(Selection + o.Selection, WaitForBatches + o.WaitForBatches, Producer + o.Producer, Steps + o.Steps);
}
