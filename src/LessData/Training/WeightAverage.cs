using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// Exponential moving average of the weights, used for evaluation (base model: 0.999). Buffers (batch-norm statistics)
/// are copied. With warm-up (TensorFlow's num_updates form) the decay is min(decay, (1+t)/(10+t)) so short runs are not
/// dominated by the random initial weights; docs/training.md says so.
/// </summary>
internal sealed class WeightAverage(nn.Module<Tensor, Tensor> averaged, double decay, bool warmup)
{
    private long _updates;

    public nn.Module<Tensor, Tensor> Model => averaged;
    public long Updates { get => _updates; set => _updates = value; }

    public void Update(nn.Module source)
    {
        _updates++;
        double d = warmup ? Math.Min(decay, (1.0 + _updates) / (10.0 + _updates)) : decay;
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        // Explicit Scalars, disposed after the loop: an implicit double → Scalar temporary can be finalized while
        // libtorch reads it (see Native/RootedScalars.cs); `using` keeps these reachable until the loop is done.
        using var keep = d.ToScalar();
        using var take = (1 - d).ToScalar();
        foreach (var (target, from) in averaged.parameters().Zip(source.parameters()))
            target.mul_(keep).add_(from, alpha: take);
        foreach (var (target, from) in averaged.buffers().Zip(source.buffers()))
            target.copy_(from);
    }
}
