using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LessData.Provenance;

/// <summary>What produced a run: git commit (+dirty), package versions, machine, command line, and the numerics self-check.</summary>
internal static class ProvenanceCollector
{
    public const string LibTorchVersion = "2.10.0";

    public static RunProvenance Collect(string commandLine) => new(GitCommit(), Versions(), Machine(), commandLine, Native.NumericsRecord.Current());

    public static IReadOnlyDictionary<string, string> Versions() => new SortedDictionary<string, string>
    {
        ["lessdata"] = typeof(ProvenanceCollector).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["libtorch"] = LibTorchVersion,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
    };

    public static string Machine() => $"{RuntimeInformation.OSDescription}; {Environment.ProcessorCount} cores; {Native.CpuFeatures.Model}";

    public static string GitCommit()
    {
        var head = Git("rev-parse HEAD");
        if (head is null) return "unknown";
        var status = Git("status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "+dirty";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(5000) || process.ExitCode != 0) return null;
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
