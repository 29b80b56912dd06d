using LessData.Augmentation;
using LessData.Data;
using LessData.Energy;
using LessData.Models;
using LessData.Native;
using LessData.Selection;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>
/// One run, end to end, in the paper's order: collect (load the splits) → select → augment → train (the trainer) →
/// report (run.json, epochs.csv). The config and the output folder are checked before any data is touched.
/// </summary>
public static class RunPipeline
{
    public static RunRecord Run(TrainConfig config, string? outDir, ITrainingObserver observer, CancellationToken cancel,
        string? checkpointDir = null, string commandLine = "") =>
        RunWithTimings(config, outDir, observer, cancel, checkpointDir, commandLine).Record;

    /// <summary>As <see cref="Run"/>, also returning where the training time went (for `lessdata bench`).</summary>
    public static (RunRecord Record, StepTimings Timings) RunWithTimings(TrainConfig config, string? outDir, ITrainingObserver observer,
        CancellationToken cancel, string? checkpointDir = null, string commandLine = "")
    {
        Validate(config);
        if (outDir is not null) RunOutputs.CheckWritable(outDir);
        TorchRuntime.EnsureLoaded();
        var (e, env) = (config.Experiment, config.Environment);
        var options = DataOptions.FromEnvironment(env.DataDir);
        using var train = DatasetLoader.Load(e.Dataset, "train", options, e.TrainLimit, e.Seed);
        using var test = DatasetLoader.Load(e.Dataset, "test", options, e.TestLimit, e.Seed);
        using var fullTest = e.TestLimit is null ? null : DatasetLoader.Load(e.Dataset, "test", options, null, e.Seed);
        var meter = EnergyMeters.ForDevice(env.Device, env.DevicePowerWatts);
        var setup = Prepare(config, train, test) with { FinalTest = fullTest, Meter = meter };
        ITrainingObserver runObserver = env.TensorBoard && outDir is not null ? new TensorBoardObserver(Path.Combine(outDir, "tensorboard"), observer) : observer;
        var outcome = Trainer.Run(setup, runObserver, checkpointDir is null ? null : new TrainingCheckpoint(checkpointDir), cancel);
        var totals = RunTotalsBuilder.From(outcome.Epochs, (fullTest ?? test).Count, env.CarbonGramsPerKwh, meter.Source, test.Count);
        var record = new RunRecord(config, ProvenanceCollector.Collect(commandLine), outcome.Epochs, totals);
        if (outDir is not null) RunOutputs.Write(outDir, record);
        return (record, outcome.Timings);
    }

    /// <summary>
    /// Checks everything that can be checked before data is loaded: the selection stage is created for the split's
    /// size (so impossible combinations fail here, in the stage's own words), the model name, batch, device and threads.
    /// </summary>
    public static void Validate(TrainConfig config)
    {
        var (e, env) = (config.Experiment, config.Environment);
        SelectionStage.Create(e.Schedule, e.Selector, e.TrainLimit ?? DatasetCatalog.Get(e.Dataset).TrainSize, e.Epochs, e.Seed,
            labels: null, e.Policy, stratify: false);
        ModelFactory.Check(e.Model);
        if (e.BatchSize < 2) throw new UserError($"--batch-size must be at least 2 (got {e.BatchSize}); batch-norm needs two images");
        if (env.Device is not ("cpu" or "cuda")) throw new UserError($"--device must be cpu or cuda (got '{env.Device}')");
        if (env.Device == "cuda") throw new UserError("--device cuda needs the CUDA build (dotnet build -p:LessDataBackend=cuda), which this machine's package mirror cannot restore; use --device cpu");
        if (e.FinalWindow < 1) throw new UserError($"--final-window must be at least 1 (got {e.FinalWindow})");
        if (env.Threads < 0) throw new UserError($"--threads must be 0 (libtorch default) or more (got {env.Threads})");
    }

    private static TrainingSetup Prepare(TrainConfig config, ImageDataset train, ImageDataset test)
    {
        var e = config.Experiment;
        var transform = AugmentationFactory.For(e.Dataset, e.Augment, train.Channels, train.Height, train.Width);
        var (c, h, w) = transform.OutputShape;
        ModelFactory.Create(e.Model, c, h, w, train.ClassCount).Dispose(); // fail fast on a model that cannot fit
        return new TrainingSetup(e, config.Environment, train, test, transform, () => ModelFactory.Create(e.Model, c, h, w, train.ClassCount));
    }
}
