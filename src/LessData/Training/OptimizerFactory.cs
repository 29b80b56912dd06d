using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// The optimizer of a run: <c>adam</c> (the paper's, with TorchSharp's default betas)
/// or <c>sgd</c> with momentum (default 0.9), optional Nesterov, and L2 weight decay for either.
/// </summary>
public static class OptimizerFactory
{
    public static readonly IReadOnlyList<string> Names = ["adam", "sgd"];

    public static void Check(ExperimentConfig c)
    {
        if (!Names.Contains(c.Optimizer)) throw new UserError($"--optimizer must be one of {string.Join(", ", Names)} (got '{c.Optimizer}')");
        if (c.WeightDecay < 0) throw new UserError($"--weight-decay must be 0 or more (got {c.WeightDecay})");
        if (c.Momentum is < 0 or >= 1) throw new UserError($"--momentum must be in [0, 1) (got {c.Momentum})");
        if (c.Nesterov && (c.Optimizer != "sgd" || c.Momentum == 0)) throw new UserError("--nesterov needs --optimizer sgd with a momentum above 0");
    }

    public static OptimizerHelper Create(ExperimentConfig c, IEnumerable<Parameter> parameters) => c.Optimizer == "sgd"
        ? torch.optim.SGD(parameters, c.LearningRate, momentum: c.Momentum, weight_decay: c.WeightDecay, nesterov: c.Nesterov)
        : torch.optim.Adam(parameters, c.LearningRate, weight_decay: c.WeightDecay);
}
