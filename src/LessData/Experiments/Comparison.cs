using LessData.Selection;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>
/// The compare workflow: the full-data baseline and each method on the same data, model and seed, so their
/// evaluations, time and top-1 compare. Used by `lessdata compare`/`demo` and by the bench's fidelity runs.
/// </summary>
public static class Comparison
{
    /// <summary>The runs of a comparison: the baseline (full schedule, this selector) first, then one per schedule.</summary>
    public static IReadOnlyList<TrainConfig> Configs(TrainConfig baseConfig, IEnumerable<ISchedule> schedules) =>
        [.. new[] { Schedules.Full() }.Concat(schedules).Select(s => With(baseConfig, s))];

    public static TrainConfig With(TrainConfig config, ISchedule schedule) =>
        config with { Experiment = config.Experiment with { Schedule = schedule } };

    /// <summary>
    /// Checks every run and every run folder, then trains them in order (<paramref name="train"/> wraps each run, e.g.
    /// with a progress display) and returns the rows against the baseline with the run records.
    /// </summary>
    public static (IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<RunRecord> Records) Run(
        IReadOnlyList<TrainConfig> configs, Func<TrainConfig, string> folderOf,
        Func<int, TrainConfig, Func<ITrainingObserver, RunRecord>, RunRecord> train, string commandLine)
    {
        foreach (var c in configs) RunPipeline.Validate(c); // every spec checked before the first run starts
        foreach (var c in configs) RunOutputs.CheckWritable(folderOf(c));
        var records = new List<RunRecord>();
        for (int i = 0; i < configs.Count; i++)
        {
            var config = configs[i];
            records.Add(train(i, config, observer => RunPipeline.Run(config, folderOf(config), observer, CancellationToken.None, commandLine: commandLine)));
        }
        return (ComparisonRow.Build(records[0], records.Skip(1)), records);
    }
}
