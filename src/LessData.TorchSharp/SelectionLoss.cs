using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Torch;

/// <summary>
/// Turns a batch's per-sample losses into the training loss and records them as the samples' scores. Per epoch:
/// <see cref="Begin(int)"/> (or <see cref="Begin(EpochPlan)"/> with a plan you made), <see cref="Compute"/> for every
/// batch (the selector's weights are looked up by dataset index: unbiased / InfoBatch rescaling), <see cref="End"/> to
/// hand the losses to the stage. The epoch's tensors live on the device of the first batch's loss, so a CUDA loop
/// needs nothing more. Nothing is read back to the host until End, so the step loop never waits on a copy.
/// </summary>
public sealed class SelectionLoss : IDisposable
{
    private readonly SelectionStage _stage;
    private EpochPlan? _plan;
    private float[]? _weightsByIndex;
    private Tensor? _weights;
    private Tensor? _scores;
    private Tensor? _lossSum;
    private long _images;

    /// <summary>Creates the helper for one stage.</summary>
    public SelectionLoss(SelectionStage stage) => _stage = stage ?? throw new ArgumentNullException(nameof(stage));

    /// <summary>Plans 0-based <paramref name="epoch"/> on the stage and starts it: <see cref="Begin(EpochPlan)"/> with <c>stage.Plan(epoch)</c>.</summary>
    public EpochPlan Begin(int epoch)
    {
        var plan = _stage.Plan(epoch);
        Begin(plan);
        return plan;
    }

    /// <summary>Starts an epoch: the plan's weights become a lookup by dataset index.</summary>
    public void Begin(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Release();
        _plan = plan;
        _images = 0;
        if (plan.Weights is { } w)
        {
            var byIndex = new float[_stage.TrainSize];
            Array.Fill(byIndex, 1f);
            var indices = plan.Indices;
            for (int k = 0; k < indices.Count; k++) byIndex[indices[k]] = w[k];
            _weightsByIndex = byIndex;
        }
    }

    /// <summary>
    /// The training loss of a batch: the mean of the per-sample losses, each scaled by its weight in the plan.
    /// Records the detached losses as scores. <paramref name="indices"/> are the batch's dataset indices (int64, e.g.
    /// <see cref="BatchTensors.IndexTensor"/>); on another device than the loss, they are copied to it.
    /// </summary>
    public Tensor Compute(Tensor perSampleLoss, Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(perSampleLoss);
        ArgumentNullException.ThrowIfNull(indices);
        if (_plan is null) throw new InvalidOperationException("call Begin before the epoch's first batch");
        if (_scores is null || _lossSum is null) Allocate(perSampleLoss.device);
        bool sameDevice = indices.device_type == perSampleLoss.device_type && indices.device_index == perSampleLoss.device_index;
        var idx = sameDevice ? indices : indices.to(perSampleLoss.device);
        try
        {
            var loss = _weights is null ? perSampleLoss.mean() : (perSampleLoss * _weights.index_select(0, idx)).mean();
            var seen = perSampleLoss.detach();
            _lossSum!.add_(seen.sum());
            _scores!.index_copy_(0, idx, seen);
            _images += idx.shape[0];
            return loss;
        }
        finally
        {
            if (!ReferenceEquals(idx, indices)) idx.Dispose();
        }
    }

    /// <summary>Ends the epoch: hands the recorded losses to the stage and returns the mean unweighted training loss.</summary>
    public double End()
    {
        if (_plan is null) throw new InvalidOperationException("call Begin before End()");
        var indices = _plan.Indices;
        var seen = new float[indices.Count];
        if (_scores is null)
        {
            for (int k = 0; k < seen.Length; k++) seen[k] = _stage.Scores[indices[k]]; // no batch computed: the scores stay
        }
        else
        {
            float[] all;
            if (_scores.device_type == DeviceType.CPU) all = _scores.data<float>().ToArray();
            else using (var host = _scores.cpu()) all = host.data<float>().ToArray();
            for (int k = 0; k < seen.Length; k++) seen[k] = all[indices[k]];
        }
        _stage.Observe(_plan, seen);
        double mean = _images == 0 || _lossSum is null ? double.NaN : _lossSum.item<double>() / _images;
        Release();
        return mean;
    }

    // The epoch's tensors, on the device the losses are on (known at the first batch). The first batch usually runs in
    // the caller's dispose scope; these live until End, so they leave it.
    private void Allocate(Device device)
    {
        _scores = torch.tensor(_stage.Scores.ToArray(), device: device).DetachFromDisposeScope();
        _lossSum = torch.zeros(1, ScalarType.Float64, device: device).DetachFromDisposeScope();
        if (_weightsByIndex is not null) _weights = torch.tensor(_weightsByIndex, device: device).DetachFromDisposeScope();
    }

    private void Release()
    {
        _weights?.Dispose();
        _scores?.Dispose();
        _lossSum?.Dispose();
        _weights = _scores = _lossSum = null;
        _weightsByIndex = null;
        _plan = null;
    }

    /// <summary>Frees the epoch's tensors.</summary>
    public void Dispose() => Release();
}
