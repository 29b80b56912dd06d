using System.Diagnostics;
using LessData.Augmentation;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Energy;
using LessData.Models;
using LessData.Native;
using LessData.Selection;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>
/// One run, end to end, in the paper's order: collect (load the splits) → select → augment → train (the trainer) →
/// report (run.json, epochs.csv, and the model when asked). The config is validated before any data is touched.
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
        var stopwatch = Stopwatch.StartNew();
        var checkedConfig = Validate(config);
        TorchRuntime.EnsureLoaded();
        var (train, test, folder) = LoadSplits(config, observer);
        using var _train = train;
        using var _test = test;
        var (setup, data) = Prepare(checkedConfig, config, train, test, folder);
        if (config.SaveModel && outDir is not null)
            setup = setup with { Trained = model => ModelArtifact.Write(outDir, model, ModelArtifact.Describe(config, train, setup.Transform, data)) };
        var meter = EnergyMeters.ForDevice(config.Device, config.DevicePowerWatts);
        using var measurement = meter.Start();
        ITrainingObserver runObserver = config.TensorBoard && outDir is not null ? new TensorBoardObserver(Path.Combine(outDir, "tensorboard"), observer) : observer;
        var outcome = Trainer.Run(setup, runObserver, checkpointDir is null ? null : new TrainingCheckpoint(checkpointDir), cancel);
        var energy = measurement.Stop();
        var totals = new RunTotals(
            outcome.Epochs.Count == 0 ? 0 : outcome.Epochs[^1].Evaluations,
            outcome.TrainSeconds,
            stopwatch.Elapsed.TotalSeconds,
            outcome.Epochs.Count == 0 ? 0 : outcome.Epochs[^1].Top1,
            outcome.Epochs.Count == 0 ? 0 : outcome.Epochs.Max(e => e.Top1),
            energy.Kwh,
            Carbon.Grams(energy.Kwh, config.CarbonGramsPerKwh),
            energy.Source);
        var record = new RunRecord(config, ProvenanceCollector.Collect(commandLine), outcome.Epochs, totals, data);
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
        if (config.Threads < 0) throw new UserError($"--threads must be 0 (libtorch default) or more (got {config.Threads})");
        OptimizerFactory.Check(config);
        LearningRatePlan.From(config).Validated();
        AugmentationFactory.CheckPipeline(config.Augmentation);
        if (FolderSpec.IsFolder(config.Dataset)) FolderSettingsOf(config);
        else if (config.TestSplit is not null || config.ImageSize is not null || config.Channels is not null)
            throw new UserError("--test-split, --image-size and --channels apply to --dataset folder:PATH only");
        return (schedule, selector, policy);
    }

    /// <summary>The folder loader's settings from the config (validated; the folder must exist).</summary>
    public static FolderSettings FolderSettingsOf(TrainConfig config)
    {
        FolderSpec.Parse(config.Dataset);
        return new FolderSettings(config.TestSplit, ImageSize.ParseOrNull(config.ImageSize), config.Channels, config.Strict, config.Seed).Validated();
    }

    /// <summary>The collect stage: both splits (limited when asked), and the folder loader's summary for a folder dataset.</summary>
    public static (ImageDataset Train, ImageDataset Test, FolderSummary? Folder) LoadSplits(TrainConfig config, ITrainingObserver observer)
    {
        var options = DataOptions.FromEnvironment(config.DataDir);
        if (!FolderSpec.IsFolder(config.Dataset))
            return (DatasetLoader.Load(config.Dataset, "train", options, config.TrainLimit, config.Seed),
                    DatasetLoader.Load(config.Dataset, "test", options, config.TestLimit, config.Seed), null);
        var loaded = FolderDataset.Load(FolderSpec.Parse(config.Dataset), FolderSettingsOf(config), options.CacheRoot,
            new Progress(observer));
        if (loaded.Summary.SkippedFiles > 0)
            observer.Notice($"skipped {loaded.Summary.SkippedFiles} file(s) that could not be decoded as images (first: {loaded.Summary.FirstSkipped[0]}); --strict makes this an error");
        return (DatasetLoader.Limit(loaded.Train, config.TrainLimit, config.Seed), DatasetLoader.Limit(loaded.Test, config.TestLimit, config.Seed), loaded.Summary);
    }

    /// <summary>The test-time pipeline of a run: the augmentation pipeline's test transform, standardised for a folder dataset.</summary>
    public static IBatchTransform Pipeline(TrainConfig config, ImageDataset train, bool augment, ChannelNormalization? normalization)
    {
        var transform = AugmentationFactory.For(config.Dataset, config.Augmentation, augment, train.Channels, train.Height, train.Width);
        return normalization is null ? transform : new NormalizedTransform(transform, normalization);
    }

    private static (TrainingSetup Setup, RunData Data) Prepare((ISchedule Schedule, ISelector Selector, SubsetPolicy Policy) specs,
        TrainConfig config, ImageDataset train, ImageDataset test, FolderSummary? folder)
    {
        var transform = Pipeline(config, train, config.Augment, null);
        ChannelNormalization? normalization = null;
        if (folder is not null)
        {
            normalization = ChannelNormalization.Measure(train, transform);
            transform = new NormalizedTransform(transform, normalization);
        }
        var (c, h, w) = transform.OutputShape;
        ModelFactory.Create(config.Model, c, h, w, train.ClassCount).Dispose(); // fail fast on a model that cannot fit
        var setup = new TrainingSetup(config, train, test, transform, specs.Schedule, specs.Selector, specs.Policy,
            () => ModelFactory.Create(config.Model, c, h, w, train.ClassCount))
        {
            EvaluatesAverage = ModelFactory.EvaluatesAverage(config.Model),
        };
        string pipeline = AugmentationFactory.CheckPipeline(config.Augmentation) ?? AugmentationFactory.DefaultPipeline(config.Dataset, train.Channels);
        return (setup, new RunData(train.ClassNames, pipeline, normalization, folder));
    }

    private sealed class Progress(ITrainingObserver observer) : IProgress<FolderProgress>
    {
        public void Report(FolderProgress value) => observer.Loading(value.Stage, value.Done, value.Total);
    }
}
