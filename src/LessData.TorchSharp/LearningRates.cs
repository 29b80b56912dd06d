using LessData.Selection;
using TorchSharp;

namespace LessData.Torch;

/// <summary>
/// Sets an optimizer's learning rate from a schedule over training progress in [0, 1], with progress counted on one of
/// the two clocks of <see cref="LearningRateClock"/> (epochs, or images seen), so a schedule still ends where it should
/// when epochs get shorter. Bind the optimizer, stage, schedule and clock once; call <see cref="Set"/> before each step.
/// </summary>
public sealed class LearningRates
{
    private readonly torch.optim.Optimizer _optimizer;
    private readonly SelectionStage _stage;
    private readonly Func<double, double> _schedule;

    /// <summary>
    /// Binds <paramref name="schedule"/> (progress in [0, 1] → learning rate) to <paramref name="optimizer"/>, with progress
    /// through <paramref name="stage"/>'s run counted on <paramref name="clock"/>.
    /// </summary>
    public LearningRates(torch.optim.Optimizer optimizer, SelectionStage stage, Func<double, double> schedule, LearningRateClock clock = LearningRateClock.Epoch)
    {
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _stage = stage ?? throw new ArgumentNullException(nameof(stage));
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        Clock = clock;
    }

    /// <summary>The clock progress is counted on.</summary>
    public LearningRateClock Clock { get; }

    /// <summary>The rate after <paramref name="imagesIntoEpoch"/> images of <paramref name="plan"/>, without setting it.</summary>
    public double At(EpochPlan plan, int imagesIntoEpoch) => _schedule(_stage.Progress(plan, imagesIntoEpoch, Clock));

    /// <summary>Sets every parameter group's rate to <see cref="At"/>(<paramref name="plan"/>, <paramref name="imagesIntoEpoch"/>) and returns it.</summary>
    public double Set(EpochPlan plan, int imagesIntoEpoch)
    {
        double lr = At(plan, imagesIntoEpoch);
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
        return lr;
    }
}
