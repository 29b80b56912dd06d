using LessData.Torch;
using static TorchSharp.torch;

namespace LessData.Native;

/// <summary>
/// The numerics self-check of this process (<see cref="NumericsSelfCheck"/>), run before anything trains or evaluates:
/// the tail channel counts once, and each new model's own convolution shapes. When oneDNN computes them wrongly it is
/// turned off for the rest of the process, and the first run's notice says so; when they stay wrong nothing trains.
/// <see cref="Current"/> is what run.json's provenance and the store's hardware class record.
/// </summary>
internal static class NumericsGuard
{
    private static readonly Lock s_lock = new();
    private static readonly HashSet<ConvolutionShape> s_checked = [];
    private static NumericsReport? s_current;

    /// <summary>The process's check so far (null before the first); a repair stays recorded once made.</summary>
    public static NumericsReport? Current { get { lock (s_lock) return s_current; } }

    /// <summary>Checks the model's convolution shapes (once per shape per process) and returns the process's report.</summary>
    /// <exception cref="UserError">fp32 convolutions are wrong and could not be repaired.</exception>
    public static NumericsReport Ensure(nn.Module model) => Ensure(ConvolutionShape.Of(model), NumericsSelfCheck.EnsureCorrect);

    internal static NumericsReport Ensure(IReadOnlyList<ConvolutionShape> shapes, Func<IEnumerable<ConvolutionShape>, double, NumericsReport> check)
    {
        lock (s_lock)
        {
            if (s_current is { Correct: true } known && shapes.All(s_checked.Contains)) return known;
            var report = check([.. s_checked.Concat(shapes)], NumericsSelfCheck.DefaultTolerance);
            if (s_current is { Action: NumericsAction.OneDnnDisabled } earlier && report.Action == NumericsAction.None)
                report = report with { Action = earlier.Action, First = earlier.First, AfterRepair = report.First };
            s_current = report;
            if (!report.Correct) throw new UserError($"{report.Summary}; refusing to train or evaluate with wrong convolutions on this machine (docs/benchmarks.md, numerics self-check)");
            s_checked.UnionWith(shapes);
            s_checked.UnionWith(ConvolutionShape.Tails);
            return report;
        }
    }

    /// <summary>
    /// Puts the process on a convolution path before a run: <see cref="ConvolutionPath.Aten"/> turns oneDNN off;
    /// <see cref="ConvolutionPath.Auto"/> turns it on again unless the self-check found it wrong.
    /// </summary>
    public static void Use(ConvolutionPath path)
    {
        if (!OneDnn.IsAvailable) return;
        lock (s_lock)
            OneDnn.Enabled = path == ConvolutionPath.Auto && s_current is not { Action: not NumericsAction.None };
    }

    /// <summary>Forgets the process's check (tests).</summary>
    internal static void Reset()
    {
        lock (s_lock) { s_checked.Clear(); s_current = null; }
    }
}
