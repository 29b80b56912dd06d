using LessData.Selection;
using TorchSharp;

namespace LessData.Training;

/// <summary>Writes each epoch's figures as TensorBoard scalars (TorchSharp's SummaryWriter) into a run folder.</summary>
internal sealed class TensorBoardObserver(string logDirectory, ITrainingObserver inner) : ITrainingObserver
{
    private readonly TorchSharp.Modules.SummaryWriter _writer = torch.utils.tensorboard.SummaryWriter(logDirectory, "", false);

    public void SubsetChosen(int epoch, EpochPlan plan) => inner.SubsetChosen(epoch, plan);

    public void EpochStarted(int epoch, int totalEpochs, int images) => inner.EpochStarted(epoch, totalEpochs, images);

    public void BatchDone(int epoch, int imagesDone, int imagesTotal, double epochSeconds) =>
        inner.BatchDone(epoch, imagesDone, imagesTotal, epochSeconds);

    public void EpochFinished(EpochRecord r, int totalEpochs)
    {
        _writer.add_scalar("train/loss", (float)r.TrainLoss, r.Epoch, null);
        _writer.add_scalar("test/top1", (float)r.Top1, r.Epoch, null);
        _writer.add_scalar("data/fraction", (float)r.Fraction, r.Epoch, null);
        _writer.add_scalar("data/evaluations", r.Evaluations, r.Epoch, null);
        _writer.add_scalar("train/lr", (float)r.Lr, r.Epoch, null);
        inner.EpochFinished(r, totalEpochs);
    }
}
