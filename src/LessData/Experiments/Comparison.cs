using LessData.Selection;
using LessData.Training;

namespace LessData.Experiments;

/// <summary>
/// Building blocks of the compare workflow (<see cref="ComparisonPlan"/> runs it over trials into a store): a config
/// with another schedule. Also used by the bench's fidelity runs.
/// </summary>
public static class Comparison
{
    public static TrainConfig With(TrainConfig config, ISchedule schedule) =>
        config with { Experiment = config.Experiment with { Schedule = schedule } };
}
