using LessData.Selection;
using LessData.Torch;
using static TorchSharp.torch;

namespace LessData.Tests.Torch;

public sealed class TorchGlueTests
{
    public TorchGlueTests() => LessData.Native.TorchRuntime.EnsureLoaded();

    [Fact]
    public void PlannedIndices_InTorchSharpsDataLoader_GiveAShorterEpochInThePlansOrder()
    {
        // Given 100 samples whose value is their index, and an epoch planned on 30 of them
        var stage = SelectionStage.Create("step:0.3@0.5", "random", 100, 4, 1);
        var plan = stage.Plan(0);
        var indices = new PlannedIndices();
        indices.Use(plan);
        using var loader = TorchSharp.torch.utils.data.DataLoader(
            TorchSharp.torch.utils.data.TensorDataset(arange(100, ScalarType.Int64)), 8, indices, disposeDataset: true);

        // When the loader is iterated for one epoch
        var seen = new List<long>();
        int batches = 0;
        foreach (var batch in loader)
        {
            batches++;
            seen.AddRange(batch[0].data<long>().ToArray());
        }

        // Then it yields exactly the plan's 30 indices, in the plan's order, in ceil(30/8) batches
        plan.Count.Should().Be(30);
        seen.Should().Equal(plan.Order());
        batches.Should().Be(4);
    }

    [Fact]
    public void SelectionLoss_AppliesThePlansWeights_AndHandsTheLossesToTheStage()
    {
        // Given an unbiased loss-selector epoch (kept easy samples carry weight (n−h)/(b−h))
        var stage = SelectionStage.Create("step:0.5@0.5", "loss:hard=0.5,unbiased", 40, 4, 2);
        var warm = stage.Plan(0);
        stage.Observe(warm, [.. warm.Indices.Select(i => (float)i)]);
        var plan = stage.Plan(1);
        plan.Weights.Should().NotBeNull();
        using var loss = new SelectionLoss(stage);
        loss.Begin(plan);

        // When one batch of per-sample losses goes through it
        var batch = plan.Batches(plan.Count)[0];
        using var idx = batch.IndexTensor();
        using var perSample = tensor(batch.Indices.Select(i => 0.5f + i % 3).ToArray());
        using var value = loss.Compute(perSample, idx);
        double mean = loss.End();

        // Then the loss is the weighted mean, the mean loss is unweighted, and the scores were recorded
        double expected = batch.Indices.Select((i, k) => (0.5 + i % 3) * batch.Weights![k]).Average();
        value.item<float>().Should().BeApproximately((float)expected, 1e-4f);
        mean.Should().BeApproximately(batch.Indices.Average(i => 0.5 + i % 3), 1e-6);
        foreach (int i in batch.Indices) stage.Scores[i].Should().Be(0.5f + i % 3);
        var next = () => stage.Plan(2);
        next.Should().NotThrow("the losses were handed back");
    }

    [Fact]
    public void IndexTensor_IsTheBatchsIndices_AsInt64()
    {
        var batch = SelectionStage.Create("step:0.3@0.5", "random", 100, 4, 1).Plan(0).Batches(8)[1];

        using var idx = batch.IndexTensor();

        idx.dtype.Should().Be(ScalarType.Int64);
        idx.shape.Should().Equal(batch.Count);
        idx.data<long>().ToArray().Should().Equal(batch.Indices.Select(i => (long)i));
    }

    [Fact]
    public void SelectionLoss_FirstComputedInsideADisposeScope_KeepsItsTensorsUntilEnd()
    {
        // Given a loss-selector epoch begun from the stage, whose batches run in per-batch dispose scopes (as loops do)
        var stage = SelectionStage.Create("full", "loss", 20, 2, 3);
        using var loss = new SelectionLoss(stage);
        var plan = loss.Begin(0);
        plan.Epoch.Should().Be(0);

        // When every batch is computed inside its own scope
        foreach (var batch in plan.Batches(8))
        {
            using var scope = NewDisposeScope();
            var idx = batch.IndexTensor();
            loss.Compute(tensor(batch.Indices.Select(i => (float)i).ToArray()), idx);
        }

        // Then End still reads the epoch's tensors: every score and the unweighted mean are there
        loss.End().Should().BeApproximately(Enumerable.Range(0, 20).Average(), 1e-9);
        stage.Scores.Should().Equal(Enumerable.Range(0, 20).Select(i => (float)i));
    }

    [Fact]
    public void LearningRates_Set_PutsTheScheduleAtTheClocksProgress_IntoEveryGroup()
    {
        // Given a full-data run of 4 epochs over 100 images, and a linear decay bound on the images-seen clock
        var stage = SelectionStage.Create("full", "random", 100, 4, 1);
        stage.Plan(0);
        var plan = stage.Plan(1);
        using var layer = TorchSharp.torch.nn.Linear(2, 1);
        using var optimizer = TorchSharp.torch.optim.SGD(layer.parameters(), 1.0);
        var rates = new LearningRates(optimizer, stage, p => 0.1 * (1 - p), LearningRateClock.ImagesSeen);

        // When the rate is set 50 images into the second epoch
        double lr = rates.Set(plan, 50);

        // Then progress = (100 + 50) / 400 images, and the optimizer holds 0.1·(1 − 0.375)
        lr.Should().BeApproximately(0.1 * (1 - 150.0 / 400), 1e-12);
        optimizer.ParamGroups.Should().OnlyContain(g => Math.Abs(g.LearningRate - lr) < 1e-15);
        new LearningRates(optimizer, stage, p => p).At(plan, 50).Should().BeApproximately(1.5 / 4, 1e-12, "the epoch clock: (1 + 50/100) / 4");
    }

    [Fact]
    public void ShapeCaches_RefuseACapacityOfZero_WhichCrashesLibtorchsIdeepCache()
    {
        var zero = () => ShapeCaches.Bound(0);
        zero.Should().Throw<ArgumentOutOfRangeException>();
        ShapeCaches.DefaultCapacity.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void NativeHeap_Trim_ReachesGlibc_AndLeavesLiveTensorsIntact()
    {
        // Given a live tensor and some freed ones of changing sizes (the pattern of a changing last batch)
        using var live = arange(1000, dtype: ScalarType.Float32);
        for (int size = 100_000; size < 400_000; size += 37_000)
            using (var _ = ones(size)) { }

        // When the heap is trimmed
        bool trimmed = NativeHeap.Trim();

        // Then glibc was called (this is a glibc Linux) and the live tensor still holds its values
        trimmed.Should().Be(OperatingSystem.IsLinux(), "malloc_trim exists in glibc");
        live.sum().item<float>().Should().Be(499500f);
    }
}
