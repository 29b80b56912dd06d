using System.CommandLine;
using LessData.Selection;
using LessData.Training;

namespace LessData.Cli;

/// <summary>The options shared by `train`, `compare` and `demo`, bound onto the one TrainConfig record.</summary>
public sealed class TrainOptions
{
    private static readonly ExperimentConfig s_defaults = new();
    private static readonly RunEnvironment s_environment = new();

    public Option<string> Dataset { get; } = new("--dataset") { Description = "mnist | fashion-mnist | cifar10 | smallnorb", DefaultValueFactory = _ => s_defaults.Dataset };
    public Option<string?> DataDir { get; } = new("--data-dir") { Description = "Folder holding the dataset (else $LESSDATA_DATA, the user cache, system locations, then download)" };
    public Option<string> Schedule { get; } = new("--schedule") { Description = "full | step:F@P | step:E1..E9 | increment:F | cut:N", DefaultValueFactory = _ => s_defaults.Schedule.Spec };
    public Option<string> Selector { get; } = new("--selector") { Description = "Which images fill the budget: " + SelectorParser.Forms, DefaultValueFactory = _ => s_defaults.Selector.Name };
    public Option<bool> Unbiased { get; } = new("--unbiased") { Description = "loss selector: scale kept easy samples' loss by 1/keep-probability" };
    public Option<double?> TargetFraction { get; } = new("--target-fraction") { Description = "infobatch: the share of the data the whole run uses, in (0, 1]" };
    public Option<string?> Subset { get; } = new("--subset") { Description = "redraw (fresh subset each epoch) | nested (one order for the run); default: the method's own" };
    public Option<bool> Stratify { get; } = new("--stratify") { Description = "Class-balanced subsets" };
    public Option<string> Model { get; } = new("--model") { Description = "hvc | hvc-small | cnn; capsule models take options, e.g. hvc:depth=7,first=16,growth=8", DefaultValueFactory = _ => s_defaults.Model };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => s_defaults.Epochs };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Images per training step", DefaultValueFactory = _ => s_defaults.BatchSize };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for subsets, batch order, augmentation and weights", DefaultValueFactory = _ => s_defaults.Seed };
    public Option<int?> TrainLimit { get; } = new("--train-limit") { Description = "Use a seeded, class-balanced subset of N training images" };
    public Option<int?> TestLimit { get; } = new("--test-limit") { Description = "Per-epoch curve on a seeded, class-balanced subset of N test images (the final top-1 always uses the full split)" };
    public Option<int> FinalWindow { get; } = new("--final-window") { Description = "Final top-1 = mean over the last k epochs (at most a quarter of the run), on the full test split", DefaultValueFactory = _ => s_defaults.FinalWindow };
    public Option<bool> NoAugment { get; } = new("--no-augment") { Description = "Switch augmentation off" };
    public Option<string> Device { get; } = new("--device") { Description = "cpu | cuda", DefaultValueFactory = _ => s_environment.Device };
    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch threads (0 = its default)", DefaultValueFactory = _ => s_environment.Threads };
    public Option<double> CarbonIntensity { get; } = new("--carbon-intensity") { Description = "gCO2e per kWh", DefaultValueFactory = _ => s_environment.CarbonGramsPerKwh };
    public Option<double> DevicePower { get; } = new("--device-power") { Description = "Watts assumed when no energy counter is readable", DefaultValueFactory = _ => s_environment.DevicePowerWatts };
    public Option<bool> TensorBoard { get; } = new("--tensorboard") { Description = "Write TensorBoard event files into the run folder" };

    public void AddTo(Command command, bool includeSchedule = true)
    {
        foreach (var option in All(includeSchedule)) command.Add(option);
    }

    private IEnumerable<Option> All(bool includeSchedule)
    {
        yield return Dataset; yield return DataDir;
        if (includeSchedule) { yield return Schedule; }
        yield return Selector; yield return Unbiased; yield return TargetFraction; yield return Subset; yield return Stratify;
        yield return Model; yield return Epochs; yield return BatchSize; yield return Seed;
        yield return TrainLimit; yield return TestLimit; yield return FinalWindow; yield return NoAugment; yield return Device; yield return Threads;
        yield return CarbonIntensity; yield return DevicePower; yield return TensorBoard;
    }

    /// <summary>The boundary: flags become the typed config here, once (specs parsed, --unbiased and --target-fraction folded in).</summary>
    public TrainConfig Bind(ParseResult r) => new()
    {
        Experiment = new ExperimentConfig
        {
            Dataset = r.GetValue(Dataset)!,
            Schedule = r.GetValue(Schedule) is { } schedule ? ScheduleParser.Parse(schedule) : s_defaults.Schedule,
            Selector = SelectorParser.Parse(r.GetValue(Selector), r.GetValue(Unbiased), r.GetValue(TargetFraction)),
            Subset = ScheduleParser.ParsePolicy(r.GetValue(Subset)),
            Stratify = r.GetValue(Stratify),
            Model = r.GetValue(Model)!,
            Epochs = r.GetValue(Epochs),
            BatchSize = r.GetValue(BatchSize),
            Seed = r.GetValue(Seed),
            TrainLimit = r.GetValue(TrainLimit),
            TestLimit = r.GetValue(TestLimit),
            FinalWindow = r.GetValue(FinalWindow),
            Augment = !r.GetValue(NoAugment),
        },
        Environment = new RunEnvironment
        {
            DataDir = r.GetValue(DataDir),
            Device = r.GetValue(Device)!,
            Threads = r.GetValue(Threads),
            CarbonGramsPerKwh = r.GetValue(CarbonIntensity),
            DevicePowerWatts = r.GetValue(DevicePower),
            TensorBoard = r.GetValue(TensorBoard),
        },
    };
}
