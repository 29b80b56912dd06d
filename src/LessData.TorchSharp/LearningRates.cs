using LessData.Selection;
using TorchSharp;

namespace LessData.TorchSharp;

/// <summary>
/// Sets an optimizer's learning rate from a schedule over training progress in [0, 1], with progress counted on one of
/// the two clocks of <see cref="LearningRateClock"/> (epochs, or images seen), so a schedule still ends where it should
/// when epochs get shorter.
/// </summary>
public static class LearningRates
{
    /// <summary>Sets every parameter group's rate to <paramref name="schedule"/>(progress) and returns it.</summary>
    public static double Set(torch.optim.Optimizer optimizer, SelectionStage stage, EpochPlan plan, int imagesIntoEpoch,
        LearningRateClock clock, Func<double, double> schedule)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(schedule);
        double lr = schedule(stage.Progress(plan, imagesIntoEpoch, clock));
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
        return lr;
    }
}
