using System.Diagnostics;
using LessData.Experiments;
using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// The paper's loop: select → augment → train, once per epoch, then evaluate the weight average on the whole test set.
/// Selection is a pure decision made before the epoch; augmentation runs on a background producer; the step loop
/// reads nothing back to the host.
/// </summary>
public static class Trainer
{
    public static TrainingOutcome Run(TrainingSetup setup, ITrainingObserver observer, TrainingCheckpoint? checkpoint, CancellationToken cancel)
    {
        var c = setup.Config;
        if (c.Threads > 0) torch.set_num_threads(c.Threads);
        torch.manual_seed(c.Seed);
        using var model = setup.CreateModel();
        using var averaged = setup.CreateModel();
        averaged.load_state_dict(model.state_dict());
        var ema = new WeightAverage(averaged, c.EmaDecay, warmup: true);
        using var optimizer = torch.optim.Adam(model.parameters(), c.LearningRate);
        var state = new TrainingState(setup.Train.Count);
        checkpoint?.TryRestore(model, ema, optimizer, state);

        var meter = setup.Meter ?? new Energy.PowerModelMeter(0); // no meter: wall time is still measured, energy is 0
        var timings = StepTimings.Zero;
        for (int epoch = state.Epochs.Count; epoch < c.Epochs; epoch++)
        {
            cancel.ThrowIfCancellationRequested();
            double lr = LearningRateSchedule.At(epoch, c.LearningRate, c.LrDecay, c.LrFloor);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

            using var epochEnergy = meter.Start();
            long selectStart = Stopwatch.GetTimestamp();
            var selection = Select(setup, epoch, state.Scores);
            var batches = EpochBatches.Make(selection, c.BatchSize, c.Seed, epoch);
            double selectSeconds = Stopwatch.GetElapsedTime(selectStart).TotalSeconds;
            observer.SubsetChosen(epoch, selection);
            observer.EpochStarted(epoch, c.Epochs, selection.Indices.Length);

            var trainEnergy = meter.Start();
            var pass = TrainEpoch(setup, model, ema, optimizer, batches, state, epoch, observer);
            double trainKwh = trainEnergy.Stop().Kwh;
            timings = timings.Add(pass.Timings with { Selection = selectSeconds });

            double top1 = Evaluator.Top1(ema.Model, setup.Test, setup.Transform);
            double? finalTop1 = epoch < c.Epochs - c.FinalEpochs ? null
                : setup.FinalTest is null ? top1 : Evaluator.Top1(ema.Model, setup.FinalTest, setup.Transform);
            var whole = epochEnergy.Stop();
            var record = new EpochRecord(epoch + 1, Fraction(setup, epoch, selection), pass.Images,
                state.Evaluations + pass.Images, pass.MeanLoss, top1, pass.Seconds + selectSeconds, lr,
                finalTop1, trainKwh, whole.Kwh, whole.Seconds);
            state.Append(record);
            observer.EpochFinished(record, c.Epochs);
            checkpoint?.Save(model, ema, optimizer, state);
        }
        return new TrainingOutcome(state.Epochs, state.Epochs.Sum(e => e.Seconds), timings);
    }

    private static Selection.Selection Select(TrainingSetup s, int epoch, float[] scores)
    {
        int n = s.Train.Count;
        int budget = s.Schedule.ImagesAt(epoch, s.Config.Epochs, n);
        return s.Selector.Select(new SelectionRequest(
            epoch, s.Config.Epochs, n, budget, s.Config.Seed, s.Policy, s.Config.Stratify, s.Train.Labels, scores));
    }

    /// <summary>The schedule's nominal fraction, or the realized share when the selector set the size (InfoBatch).</summary>
    private static double Fraction(TrainingSetup s, int epoch, Selection.Selection selection)
    {
        int n = s.Train.Count;
        return selection.Indices.Length == s.Schedule.ImagesAt(epoch, s.Config.Epochs, n)
            ? s.Schedule.FractionAt(epoch, s.Config.Epochs)
            : (double)selection.Indices.Length / n;
    }

    private sealed record EpochPass(int Images, double MeanLoss, double Seconds, StepTimings Timings);

    private static EpochPass TrainEpoch(TrainingSetup s, nn.Module<Tensor, Tensor> model, WeightAverage ema,
        TorchSharp.Modules.Adam optimizer, IReadOnlyList<Batch> batches, TrainingState state, int epoch, ITrainingObserver observer)
    {
        model.train();
        long start = Stopwatch.GetTimestamp();
        int images = 0, total = batches.Sum(b => b.Indices.Length);
        using var generator = new Generator(SeedStreams.Augmentation(s.Config.Seed, epoch), device: null);
        using var producer = new BatchProducer(s.Train, s.Transform, batches, generator);
        using var lossSum = torch.zeros(1, ScalarType.Float64);
        using var losses = torch.tensor(state.Scores);
        foreach (var batch in producer.Consume())
        {
            using (batch)
            using (torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var perSample = nn.functional.cross_entropy(model.forward(batch.Images), batch.Labels, reduction: nn.Reduction.None);
                var loss = batch.Weights is null ? perSample.mean() : (perSample * batch.Weights).mean();
                loss.backward();
                optimizer.step();
                ema.Update(model);
                var seen = perSample.detach();
                lossSum.add_(seen.sum());
                losses.index_copy_(0, batch.Indices, seen);
                images += batch.Count;
            }
            observer.BatchDone(epoch, images, total, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        losses.data<float>().CopyTo(state.Scores, 0);
        double meanLoss = images == 0 ? double.NaN : lossSum.item<double>() / images;
        var timings = new StepTimings(0, producer.WaitSeconds, producer.ProducerSeconds, seconds - producer.WaitSeconds);
        return new EpochPass(images, meanLoss, seconds, timings);
    }
}
