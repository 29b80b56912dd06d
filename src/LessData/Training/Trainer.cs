using System.Diagnostics;
using LessData.Selection;
using LessData.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// The paper's loop: select → augment → train, once per epoch, then evaluate the weight average on the whole test set.
/// Selection goes through the same public SelectionStage and SelectionLoss a user's own loop would use; augmentation
/// runs on a background producer; the step loop reads nothing back to the host.
/// </summary>
internal static class Trainer
{
    /// <summary>The selection stage a setup trains with (its specs were checked before any data was loaded).</summary>
    public static SelectionStage Stage(TrainingSetup setup)
    {
        var e = setup.Experiment;
        return SelectionStage.Create(e.Schedule, e.Selector, setup.Train.Count, e.Epochs, e.Seed, setup.Train.Labels, e.Policy, e.Stratify);
    }

    public static TrainingOutcome Run(TrainingSetup setup, ITrainingObserver observer, TrainingCheckpoint? checkpoint, CancellationToken cancel)
    {
        var c = setup.Experiment;
        if (setup.Environment.Threads > 0) torch.set_num_threads(setup.Environment.Threads);
        torch.manual_seed(c.Seed);
        using var model = setup.CreateModel();
        using var averaged = setup.CreateModel();
        averaged.load_state_dict(model.state_dict());
        var ema = new WeightAverage(averaged, setup.EvaluatesAverage ? c.EmaDecay : 0, warmup: true);
        using var optimizer = OptimizerFactory.Create(c, model.parameters());
        var rates = LearningRateCurve.From(c);
        var state = new TrainingState();
        var stage = Stage(setup);
        stage = checkpoint?.TryRestore(model, ema, optimizer, state, stage) ?? stage;
        using var selectionLoss = new SelectionLoss(stage);
        var clock = rates.Clock.Clock;
        var learningRates = new LearningRates(optimizer, stage, p => rates.At(rates.Epochs * p), clock); // the curve's progress is in epochs

        var meter = setup.Meter ?? new Energy.PowerModelMeter(0); // no meter: wall time is still measured, energy is 0
        var timings = StepTimings.Zero;
        for (int epoch = state.Epochs.Count; epoch < c.Epochs; epoch++)
        {
            cancel.ThrowIfCancellationRequested();
            using var epochEnergy = meter.Start();
            long selectStart = Stopwatch.GetTimestamp();
            var plan = stage.Plan(epoch);
            double lr = learningRates.At(plan, 0);
            var batches = plan.Batches(c.BatchSize);
            double selectSeconds = Stopwatch.GetElapsedTime(selectStart).TotalSeconds;
            observer.SubsetChosen(epoch, plan);
            observer.EpochStarted(epoch, c.Epochs, plan.Count);

            var trainEnergy = meter.Start();
            var pass = TrainEpoch(setup, model, ema, optimizer, learningRates, plan, batches, selectionLoss, observer, cancel);
            double trainKwh = trainEnergy.Stop().Kwh;
            timings = timings.Add(pass.Timings with { Selection = selectSeconds });
            NativeHeap.Trim(); // freed activations of this epoch's batch shapes go back to the system (docs/benchmarks.md, memory)

            double top1 = Evaluator.Top1(ema.Model, setup.Test, setup.Transform);
            double? finalTop1 = epoch < c.Epochs - c.FinalEpochs ? null
                : setup.FinalTest is null ? top1 : Evaluator.Top1(ema.Model, setup.FinalTest, setup.Transform);
            var whole = epochEnergy.Stop();
            var record = new EpochRecord(epoch + 1, plan.Fraction, pass.Images,
                state.Evaluations + pass.Images, pass.MeanLoss, top1, pass.Seconds + selectSeconds, lr,
                finalTop1, trainKwh, whole.Kwh, whole.Seconds);
            state.Append(record);
            observer.EpochFinished(record, c.Epochs);
            checkpoint?.Save(model, ema, optimizer, state, stage);
        }
        setup.Trained?.Invoke(ema.Model);
        return new TrainingOutcome(state.Epochs, state.Epochs.Sum(e => e.Seconds), timings);
    }

    private sealed record EpochPass(int Images, double MeanLoss, double Seconds, StepTimings Timings);

    private static EpochPass TrainEpoch(TrainingSetup s, nn.Module<Tensor, Tensor> model, WeightAverage ema,
        TorchSharp.Modules.OptimizerHelper optimizer, LearningRates learningRates, EpochPlan plan, IReadOnlyList<Batch> batches, SelectionLoss selectionLoss, ITrainingObserver observer, CancellationToken cancel)
    {
        model.train();
        long start = Stopwatch.GetTimestamp();
        int images = 0, batchNumber = 0, total = plan.Count;
        using var generator = new Generator(SeedStreams.Augmentation(s.Experiment.Seed, plan.Epoch), device: null);
        using var producer = new BatchProducer(s.Train, s.Transform, batches, generator);
        selectionLoss.Begin(plan);
        foreach (var batch in producer.Consume())
        {
            using (batch)
            using (torch.NewDisposeScope())
            {
                double lr = learningRates.Set(plan, images);
                optimizer.zero_grad();
                var perSample = nn.functional.cross_entropy(model.forward(batch.Images), batch.Labels, reduction: nn.Reduction.None);
                var loss = selectionLoss.Compute(perSample, batch.Indices);
                batchNumber++;
                double value = loss.item<float>(); // one scalar per batch (on CPU the loss is already computed): the divergence guard
                if (!double.IsFinite(value))
                    throw new TrainingDivergedException("loss", value, plan.Epoch + 1, batchNumber, s.Experiment.Model, lr);
                loss.backward();
                optimizer.step();
                ema.Update(model);
                images += batch.Count;
            }
            observer.BatchDone(plan.Epoch, images, total, Stopwatch.GetElapsedTime(start).TotalSeconds);
            cancel.ThrowIfCancellationRequested(); // a stop request ends the run after this batch; the last epoch's checkpoint is where it resumes
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double meanLoss = selectionLoss.End();
        var timings = new StepTimings(0, producer.WaitSeconds, producer.ProducerSeconds, seconds - producer.WaitSeconds);
        return new EpochPass(images, meanLoss, seconds, timings);
    }
}
