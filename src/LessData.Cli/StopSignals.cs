using System.Runtime.InteropServices;

namespace LessData.Cli;

/// <summary>
/// The one way every long command (train, compare, sweep, worker) meets Ctrl-C and SIGTERM. The first signal asks the
/// run to stop at its next safe point (the end of the current batch): <see cref="Token"/> is cancelled and the command
/// writes what is done and says how to resume. A second signal exits at once with the conventional code (130 for
/// SIGINT, 143 for SIGTERM).
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action<string>? _say;
    private int _count;

    public StopSignals(Action<string>? say = null)
    {
        _say = say;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that asked to stop (null when none did).</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>The exit code for a stop by <see cref="Received"/>: 130 (SIGINT) or 143 (SIGTERM).</summary>
    public int ExitCode => ExitCodeOf(Received ?? PosixSignal.SIGINT);

    public static int ExitCodeOf(PosixSignal signal) => signal == PosixSignal.SIGTERM ? 143 : 130;

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the default would end the process before anything is written
        if (Interlocked.Increment(ref _count) > 1)
        {
            Console.Error.WriteLine("lessdata: second stop signal; exiting now");
            Environment.Exit(ExitCodeOf(context.Signal));
        }
        Received = context.Signal;
        (_say ?? (m => Console.Error.WriteLine($"lessdata: {m}")))(
            $"{(context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl-C")}: stopping after the current batch (again to exit at once)");
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _stop.Dispose();
    }
}
