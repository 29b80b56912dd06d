using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// The optimizer of a run: <c>adam</c> (the paper's, with TorchSharp's default betas)
/// or <c>sgd</c> with momentum (default 0.9), optional Nesterov, and L2 weight decay for either.
/// </summary>
internal static class OptimizerFactory
{
    /// <summary>Throws a user error, naming the setting, for settings the optimizer cannot take.</summary>
    public static void Check(ExperimentConfig c)
    {
        if (c.WeightDecay < 0) throw new UserError($"must be 0 or more (got {c.WeightDecay})", parameter: "weightDecay");
        if (c.Momentum is < 0 or >= 1) throw new UserError($"must be in [0, 1) (got {c.Momentum})", parameter: "momentum");
        if (c.Nesterov && (c.Optimizer != OptimizerKind.Sgd || c.Momentum == 0)) throw new UserError("needs the sgd optimizer with a momentum above 0", parameter: "nesterov");
    }

    public static OptimizerHelper Create(ExperimentConfig c, IEnumerable<Parameter> parameters) => c.Optimizer == OptimizerKind.Sgd
        ? torch.optim.SGD(parameters, c.LearningRate, momentum: c.Momentum, weight_decay: c.WeightDecay, nesterov: c.Nesterov)
        : torch.optim.Adam(parameters, c.LearningRate, weight_decay: c.WeightDecay);
}
