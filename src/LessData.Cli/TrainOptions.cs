using System.CommandLine;
using LessData.Augmentation;
using LessData.Data;
using LessData.Models;
using LessData.Selection;
using LessData.Training;

namespace LessData.Cli;

/// <summary>The options shared by `train`, `compare` and `demo`, bound onto the one TrainConfig record.</summary>
public sealed class TrainOptions
{
    private static readonly ExperimentConfig s_defaults = new();
    private static readonly RunEnvironment s_environment = new();

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
    public Option<string> LrSchedule { get; } = new("--lr-schedule") { Description = "paper (x decay per epoch) | cosine | onecycle", DefaultValueFactory = _ => s_defaults.LrSchedule.ToString() };
    public Option<double> Warmup { get; } = new("--warmup") { Description = "Linear warm-up, in epochs of the LR clock (onecycle: where the peak is; default 0.3 x epochs)", DefaultValueFactory = _ => s_defaults.WarmupEpochs };
    public Option<string> LrClock { get; } = new("--lr-clock") { Description = "epochs (progress = epochs done) | images (progress = images seen / training-set size)", DefaultValueFactory = _ => s_defaults.LrClock.ToString() };
    public Option<string?> DataDir { get; } = SharedOptions.DataDir("Folder holding the dataset (else $LESSDATA_DATA, the user cache, system locations, then download)");
    public Option<string> Schedule { get; } = new("--schedule") { Description = "full | step:F@P | step:E1..E9 | increment:F | cut:N", DefaultValueFactory = _ => s_defaults.Schedule.Spec };
    public Option<string> Selector { get; } = new("--selector") { Description = "Which images fill the budget: " + Selectors.Forms, DefaultValueFactory = _ => s_defaults.Selector.Spec };
    public Option<bool> Unbiased { get; } = new("--unbiased") { Description = "loss selector: scale kept easy samples' loss by 1/keep-probability" };
    public Option<double?> TargetFraction { get; } = new("--target-fraction") { Description = "infobatch: the share of the data the whole run uses, in (0, 1]" };
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
    public Option<LessData.Native.ConvolutionPath> ConvPath { get; } = new("--conv-path") { Description = "Convolution kernels: auto (oneDNN unless the numerics self-check finds it wrong) or aten (libtorch's own; faster for some models, see lessdata bench)" };
    public Option<int> Threads { get; } = SharedOptions.Threads("libtorch threads (0 = its default)", s_environment.Threads);
    public Option<double> CarbonIntensity { get; } = new("--carbon-intensity") { Description = "gCO2e per kWh", DefaultValueFactory = _ => s_environment.CarbonGramsPerKwh };
    public Option<double> DevicePower { get; } = new("--device-power") { Description = "Watts assumed when no energy counter is readable", DefaultValueFactory = _ => s_environment.DevicePowerWatts };
    public Option<bool> TensorBoard { get; } = new("--tensorboard") { Description = "Write TensorBoard event files into the run folder" };

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
        yield return Dataset; yield return DataDir;
        yield return TestSplit; yield return ImageSize; yield return Channels; yield return Strict; yield return Augment;
        yield return Optimizer; yield return LearningRate; yield return Momentum; yield return Nesterov; yield return WeightDecay;
        yield return LrSchedule; yield return Warmup; yield return LrClock;
        if (includeSchedule) { yield return Schedule; }
        yield return Selector; yield return Unbiased; yield return TargetFraction; yield return Subset; yield return Stratify;
        yield return Model; yield return Epochs; yield return BatchSize; yield return Seed;
        yield return TrainLimit; yield return TestLimit; yield return FinalWindow; yield return NoAugment; yield return Device; yield return Threads; yield return ConvPath;
        yield return CarbonIntensity; yield return DevicePower; yield return TensorBoard;
    }

    /// <summary>The boundary: flags become the typed config here, once (every spec parsed and checked, --unbiased and --target-fraction folded in).</summary>
    public TrainConfig Bind(ParseResult r) => new()
    {
        Experiment = new ExperimentConfig
        {
            Dataset = DatasetSpec.Parse(r.GetValue(Dataset)!),
            Schedule = r.GetValue(Schedule) is { } schedule ? Schedules.Parse(schedule) : s_defaults.Schedule,
            Selector = Selectors.Parse(r.GetValue(Selector), r.GetValue(Unbiased), r.GetValue(TargetFraction)),
            Subset = Schedules.ParsePolicy(r.GetValue(Subset)),
            Stratify = r.GetValue(Stratify),
            Model = ModelSpec.Parse(r.GetValue(Model)!),
            Epochs = r.GetValue(Epochs),
            BatchSize = r.GetValue(BatchSize),
            Seed = r.GetValue(Seed),
            TrainLimit = r.GetValue(TrainLimit),
            TestLimit = r.GetValue(TestLimit),
            FinalWindow = r.GetValue(FinalWindow),
            Augment = !r.GetValue(NoAugment),
            TestSplit = r.GetValue(TestSplit),
            ImageSize = LessData.Data.Folders.ImageSize.ParseOrNull(r.GetValue(ImageSize)),
            Channels = r.GetValue(Channels),
            Augmentation = AugmentationPipeline.ParseOrNull(r.GetValue(Augment)),
            Optimizer = OptimizerKind.Parse(r.GetValue(Optimizer)!),
            LearningRate = r.GetValue(LearningRate),
            Momentum = r.GetValue(Momentum),
            Nesterov = r.GetValue(Nesterov),
            WeightDecay = r.GetValue(WeightDecay),
            LrSchedule = LrScheduleKind.Parse(r.GetValue(LrSchedule)!),
            WarmupEpochs = r.GetValue(Warmup),
            LrClock = LrClockKind.Parse(r.GetValue(LrClock)!),
        },
        Environment = new RunEnvironment
        {
            DataDir = r.GetValue(DataDir),
            Device = r.GetValue(Device)!,
            Threads = r.GetValue(Threads),
            ConvolutionPath = r.GetValue(ConvPath),
            CarbonGramsPerKwh = r.GetValue(CarbonIntensity),
            DevicePowerWatts = r.GetValue(DevicePower),
            TensorBoard = r.GetValue(TensorBoard),
            Strict = r.GetValue(Strict),
            SaveModel = r.GetValue(SaveModel),
        },
    };
}
