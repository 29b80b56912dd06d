using LessData.Augmentation;
using LessData.Models;
using LessData.Native;
using LessData.Runs;
using LessData.Selection;
using LessData.Training;
using TorchSharp;

namespace LessData.Tests.Training;

[Collection(SerialCollection.Name)]
public sealed class TrainerTests : IDisposable
{
    private readonly LessData.Data.ImageDataset _train;
    private readonly LessData.Data.ImageDataset _test;

    public TrainerTests()
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
        _train = SyntheticData.Make(240, seed: 1);
        _test = SyntheticData.Make(80, seed: 2, "test");
    }

    public void Dispose()
    {
        _train.Dispose();
        _test.Dispose();
    }

    private TrainingSetup Setup(string schedule, int epochs, string model = "cnn", bool augment = false, string selector = "random", int finalWindow = 1)
    {
        var experiment = new ExperimentConfig
        {
            Dataset = LessData.Data.DatasetSpec.Parse("mnist"), Schedule = ScheduleParser.Parse(schedule), Model = LessData.Models.ModelSpec.Parse(model), Epochs = epochs, BatchSize = 32, Seed = 3, Augment = augment,
            LearningRate = 0.003, Selector = SelectorParser.Parse(selector), FinalWindow = finalWindow,
        };
        return new TrainingSetup(experiment, new RunEnvironment(), _train, _test, AugmentationFactory.For("mnist", augment, 1, 28, 28),
            () => ModelFactory.Create(model, 1, 28, 28, 4));
    }

    private sealed class Recorder : ITrainingObserver
    {
        public List<long> LiveTensors { get; } = [];
        public void EpochFinished(EpochRecord record, int totalEpochs) => LiveTensors.Add(torch.Tensor.TotalCount);
    }

    [Fact]
    public void Train_TinySyntheticSet_LearnsWellAboveChance()
    {
        // Given a 4-class toy set (chance = 25%)
        var outcome = Trainer.Run(Setup("full", 6), NullObserver.Instance, null, CancellationToken.None);

        // Then the weight average classifies the held-out images well
        outcome.Epochs[^1].Top1.Should().BeGreaterThan(0.8);
        outcome.Epochs[^1].TrainLoss.Should().BeLessThan(outcome.Epochs[0].TrainLoss);
    }

    [Theory]
    [InlineData("step:0.25@0.5")]
    [InlineData("increment:0.25")]
    [InlineData("cut:3")]
    public void Train_CountedEvaluations_EqualTheMethodsFormula(string schedule)
    {
        var setup = Setup(schedule, 4);

        var outcome = Trainer.Run(setup, NullObserver.Instance, null, CancellationToken.None);

        outcome.Epochs[^1].Evaluations.Should().Be(setup.Experiment.Schedule.PredictedEvaluations(4, _train.Count));
        outcome.Epochs.Select(e => e.Images).Should().Equal(Enumerable.Range(0, 4).Select(e => setup.Experiment.Schedule.ImagesAt(e, 4, _train.Count)));
    }

    [Fact]
    public void Train_SameSeedTwice_GivesIdenticalMetrics()
    {
        var a = Trainer.Run(Setup("step:0.5@0.5", 3, augment: true), NullObserver.Instance, null, CancellationToken.None);
        var b = Trainer.Run(Setup("step:0.5@0.5", 3, augment: true), NullObserver.Instance, null, CancellationToken.None);

        a.Epochs.Select(e => (e.Top1, e.TrainLoss)).Should().Equal(b.Epochs.Select(e => (e.Top1, e.TrainLoss)));
    }

    [Fact]
    public void Train_LiveTensorCount_StaysFlatAcrossEpochs()
    {
        // Given an observer that counts live native tensors after each epoch, and no garbage of earlier tests pending
        // (the count is process-wide; a finalizer releasing another test's tensor can only lower it)
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var recorder = new Recorder();

        Trainer.Run(Setup("full", 6, augment: true), recorder, null, CancellationToken.None);

        // Then nothing accumulates from epoch to epoch (the first epoch may allocate optimizer state): a leak of even
        // one tensor per epoch would make the count grow by at least one per epoch
        var afterFirst = recorder.LiveTensors.Skip(1).ToList();
        afterFirst.Should().OnlyContain(c => c <= afterFirst[0], "the live-tensor count must not grow after the first epoch");
        (afterFirst[^1] - afterFirst[0]).Should().BeLessThanOrEqualTo(0);
    }

    [Fact]
    public void Train_ResumedFromCheckpoint_MatchesAnUninterruptedRun()
    {
        var dir = Directory.CreateTempSubdirectory("lessdata-ckpt-").FullName;
        try
        {
            // Given an uninterrupted 4-epoch run
            var straight = Trainer.Run(Setup("increment:0.5", 4), NullObserver.Instance, null, CancellationToken.None);

            // When a run is stopped after epoch 2 and resumed from its checkpoint
            using var cancel = new CancellationTokenSource();
            var stopper = new StopAfter(2, cancel);
            var act = () => Trainer.Run(Setup("increment:0.5", 4), stopper, new TrainingCheckpoint(dir), cancel.Token);
            act.Should().Throw<OperationCanceledException>();
            var resumed = Trainer.Run(Setup("increment:0.5", 4), NullObserver.Instance, new TrainingCheckpoint(dir), CancellationToken.None);

            // Then it continues exactly where it stopped
            resumed.Epochs.Select(e => (e.Images, e.Evaluations, e.TrainLoss, e.Top1))
                .Should().Equal(straight.Epochs.Select(e => (e.Images, e.Evaluations, e.TrainLoss, e.Top1)));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>A meter whose every measurement reads a fixed energy, so sums over epochs are exact and timing-free.</summary>
    private sealed class FixedMeter(double kwhPerMeasurement) : LessData.Energy.IEnergyMeter
    {
        public string Source => "fixed";
        public LessData.Energy.IEnergyMeasurement Start() => new Measurement(kwhPerMeasurement);
        private sealed class Measurement(double kwh) : LessData.Energy.IEnergyMeasurement
        {
            public LessData.Energy.EnergyReading Stop() => new(kwh, "fixed", 0);
            public void Dispose() { }
        }
    }

    [Fact]
    public void Train_ResumedFromCheckpoint_ReportsTheSameEnergyAndTotals()
    {
        var dir = Directory.CreateTempSubdirectory("lessdata-ckpt-").FullName;
        try
        {
            // Given an uninterrupted 4-epoch run metered per epoch
            var meter = new FixedMeter(0.5);
            var straight = Trainer.Run(Setup("step:0.5@0.5", 4) with { Meter = meter }, NullObserver.Instance, null, CancellationToken.None);

            // When a run is killed after epoch 1 and resumed by a new "process" (a new meter, a fresh trainer)
            using var cancel = new CancellationTokenSource();
            var act = () => Trainer.Run(Setup("step:0.5@0.5", 4) with { Meter = new FixedMeter(0.5) }, new StopAfter(1, cancel), new TrainingCheckpoint(dir), cancel.Token);
            act.Should().Throw<OperationCanceledException>();
            var resumed = Trainer.Run(Setup("step:0.5@0.5", 4) with { Meter = new FixedMeter(0.5) }, NullObserver.Instance, new TrainingCheckpoint(dir), CancellationToken.None);

            // Then energy covers all 4 epochs, not only those of the last process, and the totals agree
            var a = RunTotalsBuilder.From(straight.Epochs, 80, 475, meter.Source);
            var b = RunTotalsBuilder.From(resumed.Epochs, 80, 475, meter.Source);
            a.EnergyKwh.Should().Be(4 * 0.5);
            a.TrainEnergyKwh.Should().Be(4 * 0.5);
            b.EnergyKwh.Should().Be(a.EnergyKwh);
            b.TrainEnergyKwh.Should().Be(a.TrainEnergyKwh);
            b.Co2Grams.Should().Be(a.Co2Grams);
            (b.Evaluations, b.Top1).Should().Be((a.Evaluations, a.Top1));
            resumed.Epochs.Should().HaveCount(4);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Train_FinalWindow_EvaluatesTheFullSplitInTheLastKEpochsOnly()
    {
        // Given a curve test split of 80 images and a separate "full" split, and a final window of 2 of 8 epochs
        using var full = SyntheticData.Make(200, seed: 5, "test");
        var outcome = Trainer.Run(Setup("full", 8, finalWindow: 2) with { FinalTest = full }, NullObserver.Instance, null, CancellationToken.None);

        // Then only epochs 7 and 8 carry a final figure, and the run's top-1 is their mean on the full split
        outcome.Epochs.Select(e => e.FinalTop1 is not null).Should().Equal(false, false, false, false, false, false, true, true);
        var totals = RunTotalsBuilder.From(outcome.Epochs, full.Count, 475, "fixed");
        totals.Top1.Should().BeApproximately((outcome.Epochs[6].FinalTop1!.Value + outcome.Epochs[7].FinalTop1!.Value) / 2, 1e-12);
        totals.FinalWindow.Should().Be(2);
        totals.FinalTestImages.Should().Be(200);
        totals.Top1StdErr.Should().BeApproximately(Math.Sqrt(totals.Top1 * (1 - totals.Top1) / 200), 1e-12);
        // 200 images cannot give an accuracy that is not a multiple of 1/200
        (outcome.Epochs[7].FinalTop1!.Value * 200).Should().BeApproximately(Math.Round(outcome.Epochs[7].FinalTop1!.Value * 200), 1e-9);
    }

    [Theory]
    [InlineData("step:0.5@0.5", "loss:unbiased")]
    [InlineData("full", "infobatch:delta=0.6")]
    public void Train_ScoreSelector_ResumedFromCheckpoint_ChoosesTheSameSubsets(string schedule, string selector)
    {
        var dir = Directory.CreateTempSubdirectory("lessdata-ckpt-").FullName;
        try
        {
            // Given an uninterrupted 4-epoch run whose subsets depend on the losses seen so far
            var straightSubsets = new SubsetRecorder();
            var straight = Trainer.Run(Setup(schedule, 4, selector: selector), straightSubsets, null, CancellationToken.None);

            // When a run is stopped after epoch 2 and resumed from its checkpoint (scores included)
            using var cancel = new CancellationTokenSource();
            var firstHalf = new SubsetRecorder(new StopAfter(2, cancel));
            var act = () => Trainer.Run(Setup(schedule, 4, selector: selector), firstHalf, new TrainingCheckpoint(dir), cancel.Token);
            act.Should().Throw<OperationCanceledException>();
            var secondHalf = new SubsetRecorder();
            var resumed = Trainer.Run(Setup(schedule, 4, selector: selector), secondHalf, new TrainingCheckpoint(dir), CancellationToken.None);

            // Then every epoch trains on the same images with the same weights, and the metrics match
            var subsets = firstHalf.Subsets.Concat(secondHalf.Subsets).ToList();
            subsets.Should().HaveCount(4);
            for (int e = 0; e < 4; e++)
            {
                subsets[e].Indices.Should().Equal(straightSubsets.Subsets[e].Indices, $"epoch {e}");
                (subsets[e].Weights ?? []).Should().Equal(straightSubsets.Subsets[e].Weights ?? [], $"epoch {e}");
            }
            resumed.Epochs.Select(e => (e.Images, e.TrainLoss, e.Top1)).Should().Equal(straight.Epochs.Select(e => (e.Images, e.TrainLoss, e.Top1)));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Train_InfoBatch_PrunesThenAnnealsOnFullData()
    {
        // 4 epochs × δ 0.6 = 2.4: epochs 1 and 2 prune (epoch 0 has no losses yet), epoch 3 trains on everything
        var recorder = new SubsetRecorder();
        var outcome = Trainer.Run(Setup("full", 4, selector: "infobatch:r=0.5,delta=0.6"), recorder, null, CancellationToken.None);

        var images = outcome.Epochs.Select(e => e.Images).ToArray();
        images[0].Should().Be(_train.Count);
        images[1].Should().BeLessThan(_train.Count);
        images[2].Should().BeLessThan(_train.Count);
        images[3].Should().Be(_train.Count);
        recorder.Subsets[3].Weights.Should().BeNull();
        outcome.Epochs[1].Fraction.Should().BeApproximately((double)images[1] / _train.Count, 1e-12, "the recorded fraction is the realized share");
    }

    [Fact]
    public void Train_LossSelector_UsesTheSchedulesBudget()
    {
        var setup = Setup("increment:0.25", 4, selector: "loss");

        var outcome = Trainer.Run(setup, NullObserver.Instance, null, CancellationToken.None);

        outcome.Epochs.Select(e => e.Images).Should().Equal(Enumerable.Range(0, 4).Select(e => setup.Experiment.Schedule.ImagesAt(e, 4, _train.Count)));
        outcome.Epochs[^1].Evaluations.Should().Be(setup.Experiment.Schedule.PredictedEvaluations(4, _train.Count));
    }

    private sealed class SubsetRecorder(ITrainingObserver? inner = null) : ITrainingObserver
    {
        public List<LessData.Selection.EpochPlan> Subsets { get; } = [];
        public void SubsetChosen(int epoch, LessData.Selection.EpochPlan plan) => Subsets.Add(plan);
        public void EpochFinished(EpochRecord record, int totalEpochs) => inner?.EpochFinished(record, totalEpochs);
    }

    private sealed class StopAfter(int epochs, CancellationTokenSource cancel) : ITrainingObserver
    {
        public void EpochFinished(EpochRecord record, int totalEpochs)
        {
            if (record.Epoch == epochs) cancel.Cancel();
        }
    }
}
