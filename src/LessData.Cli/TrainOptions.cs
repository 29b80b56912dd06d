using System.CommandLine;
using LessData.Augmentation;
using LessData.Data;
using LessData.Models;
using LessData.Selection;
using LessData.Sweeps;
using LessData.Training;

namespace LessData.Cli;

/// <summary>
/// The recipe (what trains: data, model, optimizer, LR schedule and clock, augmentation, selection, epochs, limits) and
/// environment flags of every command that trains — train, compare, sweep — declared once and bound onto the one
/// TrainConfig record in one place (<see cref="Bind(ParseResult, TrainConfig)"/>).
/// </summary>
public sealed class TrainOptions
{
    private static readonly ExperimentConfig s_defaults = new();
    private static readonly RunEnvironment s_environment = new();

    /// <summary>What --conv-path chooses (worker's help says it too).</summary>
    internal const string ConvPathHelp = "Convolution kernels: auto (oneDNN unless the numerics self-check finds it wrong) or aten (libtorch's own; faster for some models, see lessdata bench)";

    public Option<string> Dataset { get; } = SharedOptions.Dataset("mnist | fashion-mnist | cifar10 | smallnorb | folder:PATH (one subfolder per class)", s_defaults.Dataset.ToString());
    public Option<double?> TestSplit { get; } = new("--test-split") { Description = "folder:PATH without train/ and test/: the share of each class held out for test, in (0, 1); seeded by --seed" };
    public Option<string?> ImageSize { get; } = new("--image-size") { Description = "folder:PATH: resize every image to S or HxW (bilinear); default: the size all images share" };
    public Option<int?> Channels { get; } = new("--channels") { Description = "folder:PATH: 1 or 3 (default: 1 when every training image is grey, else 3)" };
    public Option<bool> Strict { get; } = new("--strict") { Description = "folder:PATH: a file that cannot be decoded as an image is an error (default: skipped and counted)" };
    public Option<string?> Augment { get; } = new("--augment") { Description = "Augmentation pipeline: none | cifar | mnist | norb (default: the dataset's own; folder: cifar for RGB, mnist for grey)" };
    public Option<string> Optimizer { get; } = new("--optimizer") { Description = "adam (the paper's) | sgd", DefaultValueFactory = _ => s_defaults.Optimizer.ToString() };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "Initial (peak) learning rate", DefaultValueFactory = _ => s_defaults.LearningRate };
    public Option<double> Momentum { get; } = new("--momentum") { Description = "sgd momentum", DefaultValueFactory = _ => s_defaults.Momentum };
    public Option<bool> Nesterov { get; } = new("--nesterov") { Description = "sgd: Nesterov momentum" };
    public Option<double> WeightDecay { get; } = new("--weight-decay") { Description = "L2 weight decay (adam or sgd)", DefaultValueFactory = _ => s_defaults.WeightDecay };
    public Option<string> LrSchedule { get; } = new("--lr-schedule") { Description = "paper (x decay per epoch) | exponential (x decay per epoch, counted in steps) | linear (to 0) | cosine | onecycle; on the images clock each anneals over the run's own budget", DefaultValueFactory = _ => s_defaults.LrSchedule.ToString() };
    public Option<double> Warmup { get; } = new("--warmup") { Description = "Linear warm-up, in epochs of the LR clock (onecycle: where the peak is; default 0.3 x epochs)", DefaultValueFactory = _ => s_defaults.WarmupEpochs };
    public Option<string> LrClock { get; } = new("--lr-clock") { Description = "epochs (progress = epochs done) | images (progress = images seen / the run's own total evaluations, so a reduced run reaches the end of its schedule)", DefaultValueFactory = _ => s_defaults.LrClock.ToString() };
    public Option<string?> DataDir { get; } = SharedOptions.DataDir("Folder holding the dataset (else $LESSDATA_DATA, the user cache, system locations, then download)");
    public Option<string> Schedule { get; } = new("--schedule") { Description = "full | step:F@P | step:E1..E9 | increment:F | cut:N", DefaultValueFactory = _ => s_defaults.Schedule.Spec };
    public Option<string> Selector { get; } = new("--selector") { Description = "Which images fill the budget: " + Selectors.Forms, DefaultValueFactory = _ => s_defaults.Selector.Spec };
    public Option<bool> Unbiased { get; } = new("--unbiased") { Description = "loss selector: scale kept easy samples' loss by 1/keep-probability" };
    public Option<double?> TargetFraction { get; } = new("--target-fraction") { Description = "infobatch, seta: the share of the data the whole run uses, in (0, 1]" };
    public Option<string?> Subset { get; } = new("--subset") { Description = "redraw (fresh subset each epoch) | nested (one order for the run); default: the method's own" };
    public Option<bool> Stratify { get; } = new("--stratify") { Description = "Class-balanced subsets" };
    public Option<string> Model { get; } = new("--model") { Description = "hvc | hvc-small | cnn | resnet20 | resnet18; capsule models take options, e.g. hvc:depth=7,first=16,growth=8", DefaultValueFactory = _ => s_defaults.Model.ToString() };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => s_defaults.Epochs };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Images per training step", DefaultValueFactory = _ => s_defaults.BatchSize };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for subsets, batch order, augmentation and weights", DefaultValueFactory = _ => s_defaults.Seed };
    public Option<int?> TrainLimit { get; } = new("--train-limit") { Description = "Use a seeded, class-balanced subset of N training images" };
    public Option<int?> TestLimit { get; } = new("--test-limit") { Description = "Per-epoch curve on a seeded, class-balanced subset of N test images (the final top-1 always uses the full split)" };
    public Option<int> FinalWindow { get; } = new("--final-window") { Description = "Final top-1 = mean over the last k epochs (at most a quarter of the run), on the full test split", DefaultValueFactory = _ => s_defaults.FinalWindow };
    public Option<bool> NoAugment { get; } = new("--no-augment") { Description = "Switch augmentation off" };
    public Option<string> Device { get; } = SharedOptions.Device("cpu | cuda", s_environment.Device);
    public Option<LessData.Native.ConvolutionPath> ConvPath { get; } = SharedOptions.ConvPath(ConvPathHelp, s_environment.ConvolutionPath);
    public Option<int> Threads { get; } = SharedOptions.Threads("libtorch threads (0 = its default)", s_environment.Threads);
    public Option<double> CarbonIntensity { get; } = new("--carbon-intensity") { Description = "gCO2e per kWh", DefaultValueFactory = _ => s_environment.CarbonGramsPerKwh };
    public Option<double> DevicePower { get; } = new("--device-power") { Description = "Watts assumed when no energy counter is readable", DefaultValueFactory = _ => s_environment.DevicePowerWatts };
    public Option<bool> TensorBoard { get; } = new("--tensorboard") { Description = "Write TensorBoard event files into the run folder" };

    /// <summary>--profile NAME: start from a named recipe (the sweep's profiles); any recipe flag given overrides it.</summary>
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = $"Start from a named recipe: {string.Join(" | ", SweepProfiles.Names)} (cpu: hvc-small, 12 epochs, 6,000 training images, sized for 2 CPU cores); any recipe flag given overrides it (default: the built-in defaults shown here)",
    };

    /// <summary>--save-model true|false: on by default for `train`, off for the multi-run commands.</summary>
    public Option<bool> SaveModel { get; private set; } = new("--save-model");

    public void AddTo(Command command, bool includeSchedule = true, bool saveModelByDefault = false)
    {
        foreach (var option in All(includeSchedule)) command.Add(option);
        SaveModel = new Option<bool>("--save-model")
        {
            Description = "Write the evaluated weights (model.bin, model.safetensors) and model.json into each run folder" + (saveModelByDefault ? " (default: true; --save-model false to skip)" : ""),
            DefaultValueFactory = _ => saveModelByDefault,
        };
        command.Add(SaveModel);
    }

    private IEnumerable<Option> All(bool includeSchedule)
    {
        yield return Profile; yield return Dataset; yield return DataDir;
        yield return TestSplit; yield return ImageSize; yield return Channels; yield return Strict; yield return Augment;
        yield return Optimizer; yield return LearningRate; yield return Momentum; yield return Nesterov; yield return WeightDecay;
        yield return LrSchedule; yield return Warmup; yield return LrClock;
        if (includeSchedule) { yield return Schedule; }
        yield return Selector; yield return Unbiased; yield return TargetFraction; yield return Subset; yield return Stratify;
        yield return Model; yield return Epochs; yield return BatchSize; yield return Seed;
        yield return TrainLimit; yield return TestLimit; yield return FinalWindow; yield return NoAugment; yield return Device; yield return Threads; yield return ConvPath;
        yield return CarbonIntensity; yield return DevicePower; yield return TensorBoard;
    }

    /// <summary>
    /// For a command whose recipe starts from a named profile (sweep): every recipe and environment flag except
    /// --dataset (the command's own takes several), --schedule (its plan's cells), --save-model and --tensorboard (its
    /// runs have no run folder). The flags carry no built-in defaults: a flag not given keeps the recipe's value.
    /// </summary>
    public void AddOverridesTo(Command command)
    {
        foreach (var option in All(includeSchedule: false).Where(o => o != Dataset && o != TensorBoard && o != Profile)) command.Add(option);
        foreach (var option in new Option[] { Optimizer, LearningRate, Momentum, WeightDecay, LrSchedule, Warmup, LrClock, Selector, Model,
            Epochs, BatchSize, Seed, FinalWindow, Device, Threads, ConvPath, CarbonIntensity, DevicePower }) NoDefault(option);
    }

    private static void NoDefault(Option option)
    {
        switch (option)
        {
            case Option<string> o: o.DefaultValueFactory = null; break;
            case Option<double> o: o.DefaultValueFactory = null; break;
            case Option<int> o: o.DefaultValueFactory = null; break;
            case Option<LessData.Native.ConvolutionPath> o: o.DefaultValueFactory = null; break;
            default: throw new ArgumentException($"no default to clear on {option.Name}", nameof(option));
        }
    }

    /// <summary>
    /// The boundary: flags become the typed config here, once, over the named profile when --profile is given, else over
    /// the built-in defaults (train, compare, tune).
    /// </summary>
    public TrainConfig Bind(ParseResult r)
    {
        var recipe = r.GetValue(Profile) is { } name
            ? SweepProfiles.Get(name, Given(r, Dataset) ? DatasetSpec.Parse(r.GetValue(Dataset)!) : new ExperimentConfig().Dataset)
            : new TrainConfig();
        return Bind(r, recipe with { Environment = recipe.Environment with { SaveModel = r.GetValue(SaveModel) } });
    }

    /// <summary>
    /// The boundary: the flags the user gave override <paramref name="recipe"/> (a profile, a plan's recipe, or the
    /// defaults); a flag not given keeps the recipe's value. Every spec is parsed and checked here, once, and
    /// --unbiased and --target-fraction fold into the selector.
    /// </summary>
    public TrainConfig Bind(ParseResult r, TrainConfig recipe)
    {
        var (e, env) = (recipe.Experiment, recipe.Environment);
        return new TrainConfig
        {
            Experiment = e with
            {
                Dataset = Given(r, Dataset) ? DatasetSpec.Parse(r.GetValue(Dataset)!) : e.Dataset,
                Schedule = Given(r, Schedule) ? Schedules.Parse(r.GetValue(Schedule)!) : e.Schedule,
                Selector = Given(r, Selector) || Given(r, Unbiased) || Given(r, TargetFraction)
                    ? Selectors.Parse(Given(r, Selector) ? r.GetValue(Selector) : e.Selector.Spec, r.GetValue(Unbiased), r.GetValue(TargetFraction))
                    : e.Selector,
                Subset = Given(r, Subset) ? Schedules.ParsePolicy(r.GetValue(Subset)) : e.Subset,
                Stratify = Or(r, Stratify, e.Stratify),
                Model = Given(r, Model) ? ModelSpec.Parse(r.GetValue(Model)!) : e.Model,
                Epochs = Or(r, Epochs, e.Epochs),
                BatchSize = Or(r, BatchSize, e.BatchSize),
                Seed = Or(r, Seed, e.Seed),
                TrainLimit = Or(r, TrainLimit, e.TrainLimit),
                TestLimit = Or(r, TestLimit, e.TestLimit),
                FinalWindow = Or(r, FinalWindow, e.FinalWindow),
                Augment = Given(r, NoAugment) ? !r.GetValue(NoAugment) : e.Augment,
                TestSplit = Or(r, TestSplit, e.TestSplit),
                ImageSize = Given(r, ImageSize) ? LessData.Data.Folders.ImageSize.ParseOrNull(r.GetValue(ImageSize)) : e.ImageSize,
                Channels = Or(r, Channels, e.Channels),
                Augmentation = Given(r, Augment) ? AugmentationPipeline.ParseOrNull(r.GetValue(Augment)) : e.Augmentation,
                Optimizer = Given(r, Optimizer) ? OptimizerKind.Parse(r.GetValue(Optimizer)!) : e.Optimizer,
                LearningRate = Or(r, LearningRate, e.LearningRate),
                Momentum = Or(r, Momentum, e.Momentum),
                Nesterov = Or(r, Nesterov, e.Nesterov),
                WeightDecay = Or(r, WeightDecay, e.WeightDecay),
                LrSchedule = Given(r, LrSchedule) ? LrScheduleKind.Parse(r.GetValue(LrSchedule)!) : e.LrSchedule,
                WarmupEpochs = Or(r, Warmup, e.WarmupEpochs),
                LrClock = Given(r, LrClock) ? LrClockKind.Parse(r.GetValue(LrClock)!) : e.LrClock,
            },
            Environment = env with
            {
                DataDir = Or(r, DataDir, env.DataDir),
                Device = Or(r, Device, env.Device),
                Threads = Or(r, Threads, env.Threads),
                ConvolutionPath = Or(r, ConvPath, env.ConvolutionPath),
                CarbonGramsPerKwh = Or(r, CarbonIntensity, env.CarbonGramsPerKwh),
                DevicePowerWatts = Or(r, DevicePower, env.DevicePowerWatts),
                TensorBoard = Or(r, TensorBoard, env.TensorBoard),
                Strict = Or(r, Strict, env.Strict),
                SaveModel = Or(r, SaveModel, env.SaveModel),
            },
        };
    }

    /// <summary>True when the user wrote the flag (not when only its default applies).</summary>
    private static bool Given(ParseResult r, Option option) => r.GetResult(option) is { Implicit: false };

    private static T Or<T>(ParseResult r, Option<T> option, T recipe) => Given(r, option) ? r.GetValue(option)! : recipe;
}
