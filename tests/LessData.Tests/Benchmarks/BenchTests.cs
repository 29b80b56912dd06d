using System.CommandLine;
using System.Text.Json;
using LessData.Benchmarks;
using LessData.Cli;
using LessData.Tests.Data;

namespace LessData.Tests.Benchmarks;

public sealed class BenchTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    private static (int Exit, string Err) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = CliRunner.Invoke(new RootCommand { BenchCommand.Create() }, args, new StringWriter(), error);
        return (exit, error.ToString());
    }

    [Fact]
    public void Bench_TinyRun_WritesBenchJsonWithMeasuredFieldsAndExactEvaluationRatios()
    {
        // Given a 40-image MNIST-format folder for the fidelity runs
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 40, m: 10);
        var outDir = Path.Combine(_fx.Root, "bench");

        // When the bench runs on the small CNN, one thread, with 2-epoch fidelity runs
        var (exit, err) = Run("bench", "--models", "cnn", "--threads", "1", "--iterations", "5", "--dataset", "mnist", "--data-dir", _fx.Root,
            "--fidelity-epochs", "2", "--fidelity-limit", "40", "--fidelity-test-limit", "10", "--fidelity-repeats", "1", "--out", outDir);

        // Then bench.json holds real figures, and the fidelity evaluation ratios are the methods' formulas
        exit.Should().Be(0, err);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "bench.json")));
        var root = json.RootElement;
        var row = root.GetProperty("throughput").EnumerateArray().Should().ContainSingle().Subject;
        row.GetProperty("model").GetString().Should().Be("cnn");
        row.GetProperty("threads").GetInt32().Should().Be(1);
        row.GetProperty("imagesPerSecond").GetDouble().Should().BePositive();
        root.GetProperty("gemmGflops").GetDouble().Should().BePositive();
        root.GetProperty("gflops").GetDouble().Should().BePositive();
        root.GetProperty("ratioVsPytorch").ValueKind.Should().Be(JsonValueKind.Null, "PyTorch was not compared");
        var ratios = root.GetProperty("fidelity").EnumerateArray()
            .ToDictionary(f => f.GetProperty("method").GetString()!, f => f.GetProperty("evaluationsRatio").GetDouble());
        // 2 epochs of 40 images: step 0.25@0.5 = (10 + 40)/80, increment 0.25 = (10 + 40)/80, cut 5 = ceil(2.5) = 3 cuts, then 5 → (24 + 40)/80
        ratios.Should().Equal(new Dictionary<string, double> { ["full"] = 1.0, ["step:0.25@0.5"] = 50 / 80.0, ["increment:0.25"] = 50 / 80.0, ["cut:5"] = 64 / 80.0 });
        root.GetProperty("fidelity").EnumerateArray().Should().OnlyContain(f => f.GetProperty("timeRatio").GetDouble() > 0);
    }

    [Fact]
    public void Bench_Memory_RunsEachScheduleInItsOwnProcess_AndReportsPeakRssAgainstFull()
    {
        // Given a 40-image MNIST-format folder
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 40, m: 10);
        var outDir = Path.Combine(_fx.Root, "bench-memory");

        // When the bench measures memory for two epochs of two schedules (and no fidelity runs)
        var (exit, err) = Run("bench", "--models", "cnn", "--threads", "1", "--no-fidelity", "--dataset", "mnist", "--data-dir", _fx.Root,
            "--fidelity-test-limit", "10", "--memory", "--memory-epochs", "2", "--memory-limit", "40", "--memory-schedules", "increment:0.25", "--out", outDir);

        // Then bench.json has a row per schedule, full first, with real peaks and ratios against full
        exit.Should().Be(0, err);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "bench.json")));
        var rows = json.RootElement.GetProperty("memory").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("schedule").GetString()).Should().Equal("full", "increment:0.25");
        rows.Should().OnlyContain(r => r.GetProperty("peakRssMb").GetDouble() > 50, "a process that loaded libtorch holds tens of MB");
        rows[0].GetProperty("ratioVsFull").GetDouble().Should().Be(1.0);
        rows[1].GetProperty("ratioVsFull").GetDouble().Should().BeApproximately(rows[1].GetProperty("peakRssMb").GetDouble() / rows[0].GetProperty("peakRssMb").GetDouble(), 1e-9);
    }

    [Theory]
    [InlineData("--iterations", "3", "at least 5")]
    [InlineData("--models", "resnet", "unknown model")]
    [InlineData("--threads", "0", "at least 1")]
    public void Bench_BadOption_ExplainsAndExits2(string option, string value, string message)
    {
        var (exit, err) = Run("bench", option, value, "--no-fidelity", "--out", Path.Combine(_fx.Root, "b"));

        exit.Should().Be(2);
        err.Should().Contain(message);
    }

    [Fact]
    public void PytorchReference_MissingInterpreter_SaysWhatToInstall()
    {
        var reference = new PytorchReference("bench/reference/hvc_reference.py", python: Path.Combine(_fx.Root, "no-python3"));

        var act = () => reference.Throughput(1, 8, 1, 28, 9, 8, 4, 5);

        act.Should().Throw<UserError>().WithMessage("*scripts/setup --bench*python3-torch*");
    }
}
