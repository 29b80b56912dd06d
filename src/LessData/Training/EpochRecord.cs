namespace LessData.Training;

/// <summary>
/// One row of run.json "epochs" and epochs.csv. Epoch is 1-based in outputs. Top1 is the per-epoch curve, on the
/// test split as limited by --test-limit; FinalTop1 is set in the final window only, on the full test split.
/// Seconds = selection + training steps; WallSeconds adds the evaluation. TrainKwh is the energy of the training
/// steps; Kwh that of the whole epoch (selection, training, evaluation). Carried in checkpoints with the rows.
/// </summary>
public sealed record EpochRecord(
    int Epoch, double Fraction, int Images, long Evaluations, double TrainLoss, double Top1, double Seconds, double Lr,
    double? FinalTop1 = null, double TrainKwh = 0, double Kwh = 0, double WallSeconds = 0);
