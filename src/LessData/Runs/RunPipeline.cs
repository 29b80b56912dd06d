using LessData.Augmentation;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Energy;
using LessData.Models;
using LessData.Native;
using LessData.Provenance;
using LessData.Selection;
using LessData.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Runs;

/// <summary>
/// One run, end to end, in the paper's order: collect (load the splits) → select → augment → train (the trainer) →
/// report (run.json, epochs.csv, and the model when asked). The config and the output folder are checked before any data is touched.
/// </summary>
public static class RunPipeline
{
    /// <summary>Trains one run of <paramref name="config"/>: loads the data, selects, augments, trains, evaluates; writes the run folder when <paramref name="outDir"/> is given and returns the record.</summary>
    public static RunRecord Run(TrainConfig config, string? outDir, ITrainingObserver observer, CancellationToken cancel,
        string? checkpointDir = null, string commandLine = "", Action? checkpointSaved = null) =>
        RunWithTimings(config, outDir, observer, cancel, checkpointDir, commandLine, checkpointSaved).Record;

    /// <summary>As <see cref="Run"/>, also returning where the training time went (for `lessdata bench`).</summary>
    internal static (RunRecord Record, StepTimings Timings) RunWithTimings(TrainConfig config, string? outDir, ITrainingObserver observer,
        CancellationToken cancel, string? checkpointDir = null, string commandLine = "", Action? checkpointSaved = null) =>
        RunCore(config, outDir, observer, cancel, checkpointDir, commandLine, checkpointSaved, journalFrom: null);

    /// <summary>
    /// The pipeline. With <paramref name="journalFrom"/> (the epoch rows already written; empty for a new run) the run
    /// folder is kept current after every epoch (<see cref="RunJournal"/>): status running, then completed; on a stop
    /// request interrupted (and <see cref="RunInterruptedException"/> is thrown); on an error failed, with its message.
    /// </summary>
    internal static (RunRecord Record, StepTimings Timings) RunCore(TrainConfig config, string? outDir, ITrainingObserver observer,
        CancellationToken cancel, string? checkpointDir, string commandLine, Action? checkpointSaved, IReadOnlyList<EpochRecord>? journalFrom)
    {
        Validate(config);
        if (outDir is not null) RunOutputs.CheckWritable(outDir);
        TorchRuntime.EnsureLoaded();
        var (e, env) = (config.Experiment, config.Environment);
        NumericsGuard.Use(env.ConvolutionPath);
        var (train, test, fullTest, folder) = LoadSplits(config, observer);
        using var _train = train;
        using var _test = test;
        using var _fullTest = fullTest;
        var meter = EnergyMeters.ForDevice(env.Device, env.DevicePowerWatts);
        var (setup, data) = Prepare(config, train, test, folder, observer);
        setup = setup with { FinalTest = fullTest, Meter = meter };
        if (env.SaveModel && outDir is not null)
            setup = setup with { Trained = model => ModelArtifact.Write(outDir, model, ModelArtifact.Describe(e, train, setup.Transform, data, model)) };
        var provenance = ProvenanceCollector.Collect(commandLine);
        int finalImages = (fullTest ?? test).Count, curveImages = test.Count;
        RunRecord RecordOf(IReadOnlyList<EpochRecord> epochs, RunState? state, string? failure) => new(config, provenance, epochs,
            RunTotalsBuilder.From(epochs, finalImages, env.CarbonGramsPerKwh, meter.Source, curveImages), data, state, failure);
        var journal = journalFrom is null || outDir is null ? null : new RunJournal(outDir, (x, s, f) => RecordOf(x, s, f), journalFrom, observer);
        ITrainingObserver inner = journal ?? observer;
        ITrainingObserver runObserver = env.TensorBoard && outDir is not null ? new TensorBoardObserver(Path.Combine(outDir, "tensorboard"), inner) : inner;
        journal?.Write(RunState.Running);
        TrainingOutcome outcome;
        try
        {
            outcome = Trainer.Run(setup, runObserver, checkpointDir is null ? null : new TrainingCheckpoint(checkpointDir, checkpointSaved), cancel);
        }
        catch (OperationCanceledException) when (journal is not null && cancel.IsCancellationRequested)
        {
            journal.Write(RunState.Interrupted);
            throw new RunInterruptedException(outDir!, journal.Epochs.Count, e.Epochs, cancel);
        }
        catch (Exception error) when (journal is not null && error is not OperationCanceledException)
        {
            journal.TryWrite(RunState.Failed, error.Message);
            throw;
        }
        var record = RecordOf(outcome.Epochs, journal is null ? null : RunState.Completed, null);
        if (outDir is not null) RunOutputs.Write(outDir, record);
        return (record, outcome.Timings);
    }

    /// <summary>
    /// Checks what the typed config cannot say alone, before data is loaded: the selection stage is created for the
    /// split's size (so impossible combinations fail here, in the stage's own words), the folder settings, batch,
    /// device, threads and the recipe's numbers. Each error names its setting (<see cref="UserError.Parameter"/>).
    /// </summary>
    public static void Validate(TrainConfig config)
    {
        var (e, env) = (config.Experiment, config.Environment);
        if (e.Dataset.Folder is { } folder)
        {
            folder.Existing();
            FolderSettingsOf(config);
        }
        else if (FolderOnlySetting(e) is { } setting)
            throw new UserError("applies to a folder:PATH dataset only", parameter: setting);
        // A folder's size is known only after its scan: size-dependent selection checks then run when training starts.
        SelectionStage.Create(e.Schedule, e.Selector, e.TrainLimit ?? (e.Dataset.IsFolder ? NominalFolderSize : DatasetCatalog.Get(e.Dataset).TrainSize),
            e.Epochs, e.Seed, labels: null, e.Policy, stratify: false);
        if (e.BatchSize < 2) throw new UserError($"must be at least 2 (got {e.BatchSize}); batch-norm needs two images", parameter: "batchSize");
        if (env.Device is not ("cpu" or "cuda")) throw new UserError($"must be cpu or cuda (got '{env.Device}')", parameter: "device");
        if (env.Device == "cuda") throw new UserError("cuda needs the CUDA build (dotnet build -p:LessDataBackend=cuda), which this machine's package mirror cannot restore; use cpu", parameter: "device");
        if (e.FinalWindow < 1) throw new UserError($"must be at least 1 (got {e.FinalWindow})", parameter: "finalWindow");
        if (env.Threads < 0) throw new UserError($"must be 0 (libtorch default) or more (got {env.Threads})", parameter: "threads");
        OptimizerFactory.Check(e);
        LearningRateCurve.From(e).Validated();
    }

    private static string? FolderOnlySetting(ExperimentConfig e) =>
        e.TestSplit is not null ? FolderSettings.TestSplitSetting
        : e.ImageSize is not null ? ImageSize.Setting
        : e.Channels is not null ? FolderSettings.ChannelsSetting
        : null;

    private const int NominalFolderSize = 1000;

    /// <summary>The folder loader's settings from the config (validated).</summary>
    internal static FolderSettings FolderSettingsOf(TrainConfig config)
    {
        var e = config.Experiment;
        return new FolderSettings(e.TestSplit, e.ImageSize, e.Channels, config.Environment.Strict, e.Seed).Validated();
    }

    /// <summary>
    /// The collect stage, with the folder loader's summary for a folder dataset: the training split, the test split of
    /// the per-epoch curve (its test limit), and — when that is limited — the full
    /// test split the final top-1 is measured on (null when the curve already uses all of it).
    /// </summary>
    internal static (ImageDataset Train, ImageDataset Test, ImageDataset? FullTest, FolderSummary? Folder) LoadSplits(TrainConfig config, ITrainingObserver observer)
    {
        var e = config.Experiment;
        var options = DataOptions.FromEnvironment(config.Environment.DataDir);
        if (e.Dataset.Folder is not { } folder)
            return (DatasetLoader.Load(e.Dataset, "train", options, e.TrainLimit, e.Seed),
                    DatasetLoader.Load(e.Dataset, "test", options, e.TestLimit, e.Seed),
                    e.TestLimit is null ? null : DatasetLoader.Load(e.Dataset, "test", options, null, e.Seed), null);
        var loaded = FolderDataset.Load(folder.Existing(), FolderSettingsOf(config), options.CacheRoot, new Progress(observer));
        if (loaded.Summary.SkippedFiles > 0)
            observer.Notice($"skipped {loaded.Summary.SkippedFiles} file(s) that could not be decoded as images (first: {loaded.Summary.FirstSkipped[0]}); strict mode makes this an error");
        var curve = e.TestLimit is { } n ? loaded.Test.Take(BalancedSubset.Indices(loaded.Test.Labels, n, e.Seed, "testLimit")) : loaded.Test;
        return (DatasetLoader.Limit(loaded.Train, e.TrainLimit, e.Seed), curve, e.TestLimit is null ? null : loaded.Test, loaded.Summary);
    }

    private static (TrainingSetup Setup, RunData Data) Prepare(TrainConfig config, ImageDataset train, ImageDataset test, FolderSummary? folder, ITrainingObserver observer)
    {
        var e = config.Experiment;
        IBatchTransform transform = AugmentationFactory.For(e.Dataset, e.Augmentation, e.Augment, train.Channels, train.Height, train.Width);
        ChannelNormalization? normalization = null;
        if (folder is not null)
        {
            normalization = ChannelNormalization.Measure(train, transform);
            transform = new NormalizedTransform(transform, normalization);
        }
        var (c, h, w) = transform.OutputShape;
        ModelFactory.CheckInput(e.Model, c, h, w, train.ClassCount); // fail fast on a model that cannot fit, without building it
        bool noticed = false;
        nn.Module<Tensor, Tensor> CreateModel()
        {
            var model = ModelFactory.Create(e.Model, c, h, w, train.ClassCount); // runs the numerics self-check of its convolutions
            if (!noticed && NumericsGuard.Current is { Action: not LessData.Torch.NumericsAction.None } numerics) observer.Notice(numerics.Summary);
            noticed = true;
            return model;
        }
        var setup = new TrainingSetup(e, config.Environment, train, test, transform, CreateModel)
        {
            EvaluatesAverage = ModelFactory.EvaluatesAverage(e.Model),
        };
        var pipeline = e.Augmentation ?? AugmentationFactory.DefaultPipeline(e.Dataset, train.Channels);
        return (setup, new RunData(train.ClassNames, pipeline.ToString(), normalization, folder));
    }

    private sealed class Progress(ITrainingObserver observer) : IProgress<FolderProgress>
    {
        public void Report(FolderProgress value) => observer.Loading(value.Stage, value.Done, value.Total);
    }
}
