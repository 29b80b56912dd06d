namespace LessData.Training;

/// <summary>One row of run.json "epochs" and epochs.csv. Epoch is 1-based in outputs.</summary>
public sealed record EpochRecord(
    int Epoch, double Fraction, int Images, long Evaluations, double TrainLoss, double Top1, double Seconds, double Lr);
