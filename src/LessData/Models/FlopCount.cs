namespace LessData.Models;

/// <summary>
/// Floating-point operations per image: multiply-adds of convolutions, capsule and linear layers counted as 2 FLOPs;
/// batch-norm, ReLU and pooling are left out (they are memory-bound and small). Training is taken as forward +
/// backward ≈ 3 × forward, the usual estimate (backward computes gradients for both inputs and weights).
/// </summary>
internal readonly record struct FlopCount(long Forward)
{
    public long Training => 3 * Forward;
}
