using System.Diagnostics;
using System.Text.RegularExpressions;
using LessData.Tests.Data;

namespace LessData.Tests.Samples;

/// <summary>The sample is a user's program: packed packages from a local folder, its own CNN, its own loop.</summary>
[Collection(SerialCollection.Name)]
public sealed partial class OwnLoopSampleTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Sample_FromThePackedPackages_TrainsItsOwnCnn_AndCountsTheStepFormulasEvaluations()
    {
        // Given a tiny Fashion-MNIST-format folder (60 training images, 2 epochs)
        var data = _fx.Folder("fashion-mnist");
        _fx.WriteIdxSet(data, n: 60, m: 20);

        // When scripts/sample packs the packages, restores the sample from the local folder and runs it
        var root = RepoRoot();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "sample"), data, "60", "2"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var readOut = process.StandardOutput.ReadToEndAsync();
        var readErr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string stdout = await readOut, stderr = await readErr;

        // Then it trains and prints evaluations equal to Data Step's formula: S1 = round(0.5·2) = 1 epoch of 30, then 1 of 60
        process.ExitCode.Should().Be(0, stdout + stderr);
        var counted = Counted().Match(stdout);
        counted.Success.Should().BeTrue(stdout);
        long.Parse(counted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(1 * 30 + 1 * 60);
        long.Parse(counted.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(1 * 30 + 1 * 60, "the stage's formula");
        stdout.Should().Contain("top-1:");

        // And the packed Selection package depends on no TorchSharp, the TorchSharp one on no libtorch
        var packages = Path.Combine(root, "artifacts", "packages");
        Dependencies(packages, "LessData.Selection").Should().BeEmpty();
        Dependencies(packages, "LessData.TorchSharp").Should().BeEquivalentTo("LessData.Selection", "TorchSharp");
    }

    private static string[] Dependencies(string folder, string id)
    {
        var package = Directory.GetFiles(folder, $"{id}.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        using var stream = zip.GetEntry($"{id}.nuspec")!.Open();
        var nuspec = System.Xml.Linq.XDocument.Load(stream);
        return [.. nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!)];
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LessData.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"evaluations counted: (\d+), predicted by the method's formula: (\d+)")]
    private static partial Regex Counted();
}
