using LessData.Selection;

namespace LessData.Training;

/// <summary>
/// The learning rate at a point of training, as a pure function of progress p, measured in epochs of a clock:
/// <list type="bullet">
/// <item><c>epochs</c>: p = epochs done (epoch + share of this epoch's images done). Every run, however little data it
/// uses per epoch, walks the whole schedule.</item>
/// <item><c>images</c>: p = E · images seen / the run's predicted evaluations. The schedule advances with the work
/// done, so a run on less data still reaches its end.</item>
/// Both are the selection library's <see cref="LearningRateClock"/> (one definition, docs/library.md), in epoch units.
/// </list>
/// Schedules over E epochs with warm-up W (linear from 0 to lr0 over p ∈ [0, W]):
/// <c>paper</c> lr0 · decay^⌊p⌋ floored (the base model's per-epoch decay); <c>exponential</c> lr0 · decay^p floored
/// (the same decay counted in steps, as the base model's code does: continuous p); <c>linear</c> lr0 · (1 − t);
/// <c>cosine</c> lr0 · ½(1 + cos(π·t)); t = (p − W)/(E − W) clamped to [0, 1]; <c>onecycle</c> PyTorch's OneCycleLR (cosine up from lr0/25 over the first W, default 0.3·E,
/// then cosine down to lr0/25/10⁴).
/// </summary>
internal sealed record LearningRateCurve(LrScheduleKind Schedule, LrClockKind Clock, double Initial, double Decay, double Floor, double WarmupEpochs, int Epochs)
{
    public const double OneCycleStart = 0.3, OneCycleDiv = 25, OneCycleFinalDiv = 1e4;

    public static LearningRateCurve From(ExperimentConfig c) => new(c.LrSchedule, c.LrClock, c.LearningRate, c.LrDecay, c.LrFloor, c.WarmupEpochs, c.Epochs);

    /// <summary>Throws a user error, naming the setting, for a learning rate that is not positive or a warm-up outside [0, epochs).</summary>
    public LearningRateCurve Validated()
    {
        if (!(Initial > 0)) throw new UserError($"must be positive (got {Initial})", parameter: "learningRate");
        if (WarmupEpochs < 0 || WarmupEpochs >= Epochs) throw new UserError($"must be in [0, epochs) (got {WarmupEpochs})", parameter: "warmup");
        return this;
    }

    /// <summary>Progress p (in epochs) on this plan's clock after <paramref name="imagesDone"/> images of the epoch's plan.</summary>
    public double Progress(SelectionStage stage, EpochPlan plan, int imagesDone) =>
        Epochs * stage.Progress(plan, imagesDone, Clock.Clock);

    public double At(double p)
    {
        if (Schedule == LrScheduleKind.OneCycle) return OneCycle(p);
        double t = Math.Clamp((p - WarmupEpochs) / (Epochs - WarmupEpochs), 0, 1);
        double lr = Schedule == LrScheduleKind.Cosine ? Initial * 0.5 * (1 + Math.Cos(Math.PI * t))
            : Schedule == LrScheduleKind.Linear ? Initial * (1 - t)
            : Schedule == LrScheduleKind.Exponential ? Math.Max(Floor, Initial * Math.Pow(Decay, p))
            : Math.Max(Floor, Initial * Math.Pow(Decay, Math.Floor(p + 1e-9)));
        return WarmupEpochs > 0 && p < WarmupEpochs ? lr * p / WarmupEpochs : lr;
    }

    private double OneCycle(double p)
    {
        double peakAt = WarmupEpochs > 0 ? WarmupEpochs : OneCycleStart * Epochs;
        double start = Initial / OneCycleDiv, end = start / OneCycleFinalDiv;
        return p < peakAt
            ? Anneal(start, Initial, p / peakAt)
            : Anneal(Initial, end, Math.Clamp((p - peakAt) / (Epochs - peakAt), 0, 1));
    }

    private static double Anneal(double from, double to, double t) => to + (from - to) / 2 * (1 + Math.Cos(Math.PI * t));
}
