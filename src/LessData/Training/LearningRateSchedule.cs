namespace LessData.Training;

/// <summary>
/// The base model's schedule (Byerly et al. code, which the paper builds on): lr_e = max(floor, lr0 · decay^e), e 0-based.
/// The paper's text says "initial learning rate 0.999, decay 0.005"; we follow the code (docs/training.md).
/// </summary>
internal static class LearningRateSchedule
{
    public static double At(int epoch, double initial, double decay, double floor) =>
        Math.Max(floor, initial * Math.Pow(decay, epoch));
}
