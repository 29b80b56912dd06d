using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.TorchSharp;

/// <summary>
/// Turns a batch's per-sample losses into the training loss and records them as the samples' scores. Per epoch:
/// <see cref="Begin"/> with the plan, <see cref="Compute"/> for every batch (the selector's weights are looked up by
/// dataset index: unbiased / InfoBatch rescaling), <see cref="End"/> to hand the losses to the stage. Nothing is read
/// back to the host until End, so the step loop never waits on a copy.
/// </summary>
public sealed class SelectionLoss : IDisposable
{
    private readonly SelectionStage _stage;
    private EpochPlan? _plan;
    private Tensor? _weights;
    private Tensor? _scores;
    private Tensor? _lossSum;
    private long _images;

    /// <summary>Creates the helper for one stage.</summary>
    public SelectionLoss(SelectionStage stage) => _stage = stage ?? throw new ArgumentNullException(nameof(stage));

    /// <summary>Starts an epoch: the plan's weights become a lookup by dataset index.</summary>
    public void Begin(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Release();
        _plan = plan;
        _images = 0;
        _scores = torch.tensor(_stage.Scores.ToArray());
        _lossSum = torch.zeros(1, ScalarType.Float64);
        if (plan.Weights is { } w)
        {
            var byIndex = new float[_stage.TrainSize];
            Array.Fill(byIndex, 1f);
            for (int k = 0; k < plan.Indices.Length; k++) byIndex[plan.Indices[k]] = w[k];
            _weights = torch.tensor(byIndex);
        }
    }

    /// <summary>
    /// The training loss of a batch: the mean of the per-sample losses, each scaled by its weight in the plan.
    /// Records the detached losses as scores. <paramref name="indices"/> are the batch's dataset indices (int64).
    /// </summary>
    public Tensor Compute(Tensor perSampleLoss, Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(perSampleLoss);
        ArgumentNullException.ThrowIfNull(indices);
        if (_plan is null || _scores is null || _lossSum is null) throw new InvalidOperationException("call Begin(plan) before the epoch's first batch");
        var loss = _weights is null ? perSampleLoss.mean() : (perSampleLoss * _weights.index_select(0, indices)).mean();
        var seen = perSampleLoss.detach();
        _lossSum.add_(seen.sum());
        _scores.index_copy_(0, indices, seen);
        _images += indices.shape[0];
        return loss;
    }

    /// <summary>Ends the epoch: hands the recorded losses to the stage and returns the mean unweighted training loss.</summary>
    public double End()
    {
        if (_plan is null || _scores is null || _lossSum is null) throw new InvalidOperationException("call Begin(plan) before End()");
        var all = _scores.data<float>().ToArray();
        var seen = new float[_plan.Indices.Length];
        for (int k = 0; k < seen.Length; k++) seen[k] = all[_plan.Indices[k]];
        _stage.Observe(_plan.Indices, seen);
        double mean = _images == 0 ? double.NaN : _lossSum.item<double>() / _images;
        Release();
        return mean;
    }

    private void Release()
    {
        _weights?.Dispose();
        _scores?.Dispose();
        _lossSum?.Dispose();
        _weights = _scores = _lossSum = null;
        _plan = null;
    }

    /// <summary>Frees the epoch's tensors.</summary>
    public void Dispose() => Release();
}
