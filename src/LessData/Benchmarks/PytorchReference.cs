using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LessData.Benchmarks;

/// <summary>
/// Runs bench/reference/hvc_reference.py with Debian's python3-torch (/usr/bin/python3) and reads its one JSON line.
/// A missing interpreter or torch module is a UserError that says exactly what to install.
/// </summary>
internal sealed class PytorchReference(string script, string python = "/usr/bin/python3")
{
    public const string InstallHint = "install Debian's PyTorch with 'scripts/setup --bench' (apt-get install python3-torch)";

    public static PytorchReference Locate(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "bench", "reference", "hvc_reference.py");
        if (!File.Exists(script)) throw new UserError($"the PyTorch reference {script} is missing; run from a LessData checkout");
        return new PytorchReference(script);
    }

    public JsonElement Throughput(int threads, int batch, int channels, int size, int depth, int first, int growth, int iterations) =>
        Run(string.Create(CultureInfo.InvariantCulture,
            $"throughput --threads {threads} --batch {batch} --channels {channels} --size {size} --depth {depth} --first {first} --growth {growth} --iterations {iterations}"));

    public JsonElement Check(string folder) => Run($"check \"{folder}\"");

    private JsonElement Run(string arguments)
    {
        if (!File.Exists(python)) throw new UserError($"{python} not found: {InstallHint}");
        var start = new ProcessStartInfo(python, $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new UserError($"could not start {python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (stderr.Result.Contains("No module named 'torch'", StringComparison.Ordinal))
            throw new UserError($"python3 has no torch module: {InstallHint}");
        var line = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || line is null)
            throw new UserError($"the PyTorch reference failed (exit {process.ExitCode}): {stderr.Result.Trim().Split('\n').LastOrDefault()}");
        var json = JsonDocument.Parse(line).RootElement.Clone();
        if (json.TryGetProperty("error", out var error)) throw new UserError($"the PyTorch reference says: {error.GetString()}");
        return json;
    }
}
