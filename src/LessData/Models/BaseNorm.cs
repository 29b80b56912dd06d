using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LessData.Models;

/// <summary>
/// The base model's batch-norm (Byerly et al.'s TensorFlow code): decay 0.9997, i.e. PyTorch momentum 1 − 0.9997 =
/// 0.0003; epsilon 1e-3; center = true, scale = false (a learned shift β, no scale γ: γ stays 1 and is frozen).
/// </summary>
internal static class BaseNorm
{
    public const double Momentum = 0.0003;
    public const double Epsilon = 1e-3;

    public static BatchNorm2d Conv(int features) => BetaOnly(nn.BatchNorm2d(features, eps: Epsilon, momentum: Momentum));

    public static BatchNorm1d Vector(int features) => BetaOnly(nn.BatchNorm1d(features, eps: Epsilon, momentum: Momentum));

    private static T BetaOnly<T>(T norm) where T : nn.Module
    {
        foreach (var (name, p) in norm.named_parameters())
            if (name == "weight") p.requires_grad = false;
        return norm;
    }
}
