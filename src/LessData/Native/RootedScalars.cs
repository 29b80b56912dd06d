using System.Collections.Concurrent;
using TorchSharp;

namespace LessData.Native;

/// <summary>
/// Scalars that live for the whole process, for the numbers the batch producer multiplies, adds and compares with.
/// TorchSharp 0.107 turns a C# number into a temporary <see cref="Scalar"/> that nothing disposes; once its handle is
/// passed to libtorch the object is unreachable, so a garbage collection started by another thread can finalize it
/// (free the native Scalar) while libtorch still reads it (dotnet/TorchSharp#1434, #1496, open). Here that surfaced as
/// "Expected false to be true … Scalar::toLong / toFloat" inside "batch preparation failed", in 2 of about 200 sweep
/// runs, and never on a rerun. A Scalar held by this cache is always reachable, so it is never finalized. The cache
/// holds one Scalar per distinct value (a handful: constants and values derived from image sizes). Integral values
/// stay integral, so type promotion is the same as with the implicit conversion.
/// </summary>
internal static class RootedScalars
{
    private static readonly ConcurrentDictionary<double, Scalar> s_reals = new();
    private static readonly ConcurrentDictionary<long, Scalar> s_integers = new();

    public static Scalar Of(double value) => s_reals.GetOrAdd(value, v => v.ToScalar());

    public static Scalar Of(long value) => s_integers.GetOrAdd(value, v => v.ToScalar());
}
