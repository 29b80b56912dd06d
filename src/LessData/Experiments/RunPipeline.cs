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
/// report (run.json, epochs.csv). The config is validated before any data is touched.
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
        var checkedConfig = Validate(config);
        TorchRuntime.EnsureLoaded();
        var options = DataOptions.FromEnvironment(config.DataDir);
        using var train = DatasetLoader.Load(config.Dataset, "train", options, config.TrainLimit, config.Seed);
        using var test = DatasetLoader.Load(config.Dataset, "test", options, config.TestLimit, config.Seed);
        using var fullTest = config.TestLimit is null ? null : DatasetLoader.Load(config.Dataset, "test", options, null, config.Seed);
        var meter = EnergyMeters.ForDevice(config.Device, config.DevicePowerWatts);
        var setup = Prepare(checkedConfig, config, train, test) with { FinalTest = fullTest, Meter = meter };
        ITrainingObserver runObserver = config.TensorBoard && outDir is not null ? new TensorBoardObserver(Path.Combine(outDir, "tensorboard"), observer) : observer;
        var outcome = Trainer.Run(setup, runObserver, checkpointDir is null ? null : new TrainingCheckpoint(checkpointDir), cancel);
        var totals = RunTotalsBuilder.From(outcome.Epochs, (fullTest ?? test).Count, config.CarbonGramsPerKwh, meter.Source, test.Count);
        var record = new RunRecord(config, ProvenanceCollector.Collect(commandLine), outcome.Epochs, totals);
        if (outDir is not null) RunOutputs.Write(outDir, record);
        return (record, outcome.Timings);
    }

    /// <summary>Parses every spec in the config so a typo fails before minutes of loading and training.</summary>
    public static (ISchedule Schedule, ISelector Selector, SubsetPolicy Policy) Validate(TrainConfig config)
    {
        var schedule = ScheduleParser.Parse(config.Schedule);
        var selector = SelectorParser.Parse(config.Selector);
        var policy = ScheduleParser.ParsePolicy(config.Subset) ?? schedule.DefaultPolicy;
        ModelFactory.Check(config.Model);
        if (selector is InfoBatchSelector && schedule.Spec != "full")
            throw new UserError($"--selector infobatch sets each epoch's size itself, so it runs with --schedule full (got '{schedule.Spec}'); use --target-fraction to set the share of data");
        if (config.Epochs < 1) throw new UserError($"--epochs must be at least 1 (got {config.Epochs})");
        if (selector is InfoBatchSelector { TargetFraction: not null } infoBatch)
            infoBatch.TargetEpochSize(config.Epochs, 1); // an unreachable target fails now, not after the first epoch
        if (config.BatchSize < 2) throw new UserError($"--batch-size must be at least 2 (got {config.BatchSize}); batch-norm needs two images");
        if (config.Device is not ("cpu" or "cuda")) throw new UserError($"--device must be cpu or cuda (got '{config.Device}')");
        if (config.Device == "cuda") throw new UserError("--device cuda needs the CUDA build (dotnet build -p:LessDataBackend=cuda), which this machine's package mirror cannot restore; use --device cpu");
        if (config.FinalWindow < 1) throw new UserError($"--final-window must be at least 1 (got {config.FinalWindow})");
        if (config.Threads < 0) throw new UserError($"--threads must be 0 (libtorch default) or more (got {config.Threads})");
        return (schedule, selector, policy);
    }

    private static TrainingSetup Prepare((ISchedule Schedule, ISelector Selector, SubsetPolicy Policy) specs, TrainConfig config, ImageDataset train, ImageDataset test)
    {
        var transform = AugmentationFactory.For(config.Dataset, config.Augment, train.Channels, train.Height, train.Width);
        var (c, h, w) = transform.OutputShape;
        ModelFactory.Create(config.Model, c, h, w, train.ClassCount).Dispose(); // fail fast on a model that cannot fit
        return new TrainingSetup(config, train, test, transform, specs.Schedule, specs.Selector, specs.Policy,
            () => ModelFactory.Create(config.Model, c, h, w, train.ClassCount));
    }
}
