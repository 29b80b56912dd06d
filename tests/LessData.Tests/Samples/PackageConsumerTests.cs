using System.Diagnostics;
using LessData.NativeFix;

namespace LessData.Tests.Samples;

/// <summary>
/// A user's own console program, written from docs/library.md in a fresh folder outside the repository, referencing
/// only the packed LessData.TorchSharp and libtorch: `dotnet run` must start it on Debian 12 with nothing else done
/// (the package's buildTransitive targets fix the output copy of libLibTorchSharp.so).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class PackageConsumerTests : IDisposable
{
    // A package version of its own: the global package cache can never serve an older pack of the same version.
    private readonly string _version = "0.1.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-consumer-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        foreach (var id in new[] { "lessdata.selection", "lessdata.torchsharp" })
        {
            var cached = Path.Combine(GlobalPackages(), id, _version);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
    }

    [Fact]
    public async Task FreshProject_ReferencingOnlyLessDataTorchSharp_StartsWithDotnetRun()
    {
        // Given the packages packed into a local folder, and a new console project that uses that folder as a source
        var root = RepoRoot();
        var feed = Path.Combine(_dir, "feed");
        var (packed, packOut) = await Run("bash", [Path.Combine(root, "scripts", "pack"), feed, _version], root);
        packed.Should().Be(0, packOut);
        var project = Path.Combine(_dir, "MyTraining");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "MyTraining.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LessData.TorchSharp" Version="{_version}" />
                <PackageReference Include="libtorch-cpu-linux-x64" Version="2.10.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="lessdata-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);

        // When it is run the way a user runs it
        var (exit, output) = await Run("dotnet", ["run"], project);

        // Then it starts, trains, and counts Data Step's evaluations: S1 = round(0.5·2) = 1 epoch of round(0.5·64) = 32, then 1 of 64
        exit.Should().Be(0, output);
        output.Should().Contain($"evaluations: {1 * 32 + 1 * 64} of {2 * 64} (formula: {1 * 32 + 1 * 64})");

        // And only the output copy was changed, and only where the system lacks the version; the NuGet cache copy never
        const string version = "GLIBCXX_3.4.32";
        var built = ElfVersionNeeds.Read(File.ReadAllBytes(Path.Combine(project, "bin", "Debug", "net10.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so")));
        bool systemHasIt = WeakenRequirement.SystemDefines(version, WeakenRequirement.LibStdCxxCandidates);
        built.Where(n => n.Version == version).Should().NotBeEmpty().And.OnlyContain(n => n.IsWeak != systemHasIt);
        var cache = Path.Combine(GlobalPackages(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        ElfVersionNeeds.Read(File.ReadAllBytes(cache)).Where(n => n.Version == version).Should().NotBeEmpty().And.OnlyContain(n => !n.IsWeak);
    }

    /// <summary>The usage example of docs/library.md, made runnable: random data, a linear model, two epochs.</summary>
    private const string Program = """
        using LessData.Selection;
        using LessData.Torch;
        using TorchSharp;
        using static TorchSharp.torch;

        torch.manual_seed(1);
        int n = 64, epochs = 2;
        var x = torch.randn(n, 8);
        var y = torch.tensor(Enumerable.Range(0, n).Select(i => (long)(i % 2)).ToArray());
        var stage = SelectionStage.Create(schedule: "step:0.5@0.5", selector: "loss", trainSize: n, epochs: epochs, seed: 1);
        using var selectionLoss = new SelectionLoss(stage);
        var model = nn.Linear(8, 2);
        var optimizer = torch.optim.SGD(model.parameters(), 0.1);
        var rates = new LearningRates(optimizer, stage, p => 0.1 * (1 - p / 2), LearningRateClock.ImagesSeen);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochPlan plan = selectionLoss.Begin(epoch);
            int done = 0;
            foreach (var batch in plan.Batches(16))
            {
                var idx = batch.IndexTensor();
                var perSample = nn.functional.cross_entropy(model.forward(x.index_select(0, idx)), y.index_select(0, idx), reduction: nn.Reduction.None);
                rates.Set(plan, done);
                optimizer.zero_grad();
                selectionLoss.Compute(perSample, idx).backward();
                optimizer.step();
                done += batch.Count;
            }
            Console.WriteLine($"epoch {epoch + 1}: {plan.Count} images, loss {selectionLoss.End():F4}");
        }
        Console.WriteLine($"evaluations: {stage.CountedEvaluations} of {(long)epochs * n} (formula: {stage.PredictedEvaluations})");
        """;

    private static async Task<(int Exit, string Output)> Run(string file, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        using var process = Process.Start(start)!;
        var readOut = process.StandardOutput.ReadToEndAsync();
        var readErr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await readOut + await readErr);
    }

    private static string GlobalPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LessData.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
