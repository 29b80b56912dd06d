using System.CommandLine;
using System.Text.Json;
using LessData.Cli;
using LessData.Tests.Data.Folders;

namespace LessData.Tests.Cli;

/// <summary>train → evaluate → predict on a folder of real image files, through the CLI.</summary>
public sealed class FolderWorkflowTests : IDisposable
{
    private readonly FolderFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([TrainCommand.Create(), EvaluateCommand.Create(), PredictCommand.Create()], args, captureConsole: true);

    [Fact]
    public void TrainEvaluatePredict_OnAFolder_SavesTheModelAndReproducesTop1()
    {
        // Given a folder of grey PNGs (3 classes, train/ and test/) and a folder name unique to this test
        var root = Path.Combine(_fx.Root, "imgs-" + Guid.NewGuid().ToString("N")[..8]);
        for (int c = 0; c < 3; c++)
            foreach (var (split, n) in new[] { ("train", 8), ("test", 4) })
                for (int i = 0; i < n; i++) _fx.Png(Path.Combine(root, split, $"class{c}", $"{i}.png"), c, i + (split == "test" ? 50 : 0), 12, 12);
        var runDir = Path.Combine(_fx.Root, "run");

        // When training resnet20 for 2 epochs, then evaluating and predicting with the saved model
        var train = Run("train", "--dataset", "folder:" + root, "--epochs", "2", "--model", "resnet20", "--image-size", "12", "--channels", "1",
            "--batch-size", "8", "--threads", "1", "--optimizer", "sgd", "--lr", "0.05", "--lr-schedule", "cosine", "--warmup", "0.5", "--out", runDir);
        var evaluate = Run("evaluate", "--run", runDir, "--dataset", "folder:" + root);
        var predict = Run("predict", "--run", runDir, "--top", "3", Path.Combine(root, "test", "class1", "0.png"));

        // Then the run folder holds run.json, both weight files and model.json; evaluate repeats the run's top-1;
        // predict names classes with probabilities summing to 1
        train.Exit.Should().Be(0, train.Err);
        foreach (var f in new[] { "run.json", "model.bin", "model.safetensors", "model.json" })
            File.Exists(Path.Combine(runDir, f)).Should().BeTrue(f);
        var record = LessData.Runs.RunOutputs.Read(runDir);
        record.Data!.Classes.Should().Equal("class0", "class1", "class2");
        record.Data.Normalization!.Mean.Should().HaveCount(1);
        evaluate.Exit.Should().Be(0, evaluate.Err);
        evaluate.Out.Should().Contain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"top-1 {record.Epochs[^1].Top1 * 100:F2}%"));
        File.Exists(Path.Combine(runDir, "confusion.png")).Should().BeTrue();
        predict.Exit.Should().Be(0, predict.Err);
        var parts = predict.Out.Trim().Split(": ", 2)[1].Split(", ");
        parts.Should().HaveCount(3);
        parts.Select(p => p.Split(' ')[0]).Should().BeSubsetOf(["class0", "class1", "class2"]);
        parts.Sum(p => double.Parse(p.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).Should().BeApproximately(1.0, 2e-4);
        SafetensorsNames(Path.Combine(runDir, "model.safetensors")).Should().Contain(["conv1.weight", "layer3.2.bn2.running_var", "linear.bias"]);
    }

    [Theory]
    [InlineData("--test-split", "1.5", "--test-split must be in (0, 1)")]
    [InlineData("--optimizer", "lion", "--optimizer must be one of adam, sgd")]
    [InlineData("--lr-schedule", "step", "--lr-schedule must be one of")]
    [InlineData("--augment", "heavy", "--augment must be one of")]
    [InlineData("--channels", "2", "--channels must be 1 or 3")]
    public void Train_BadFolderOrRecipeOption_OneLineAndExit2(string option, string value, string message)
    {
        var root = _fx.SplitFolders();

        var (exit, _, err) = Run("train", "--dataset", "folder:" + root, "--epochs", "1", option, value);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public void Evaluate_RunWithoutSavedModel_SaysHowToGetOne()
    {
        var dir = Path.Combine(_fx.Root, "empty-run");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "run.json"), "{}");

        var (exit, _, err) = Run("predict", "--run", dir, "x.png");

        exit.Should().Be(2);
        err.Should().Contain("model.json").And.Contain("--save-model");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public void PredictAndEvaluate_BrokenModelBin_OneLineNamingTheFile(string damage)
    {
        // Given a trained run whose model.bin is then cut in half, overwritten with bytes that are no weights file, or emptied
        var root = Path.Combine(_fx.Root, "imgs-" + Guid.NewGuid().ToString("N")[..8]);
        for (int c = 0; c < 2; c++)
            foreach (var (split, n) in new[] { ("train", 4), ("test", 2) })
                for (int i = 0; i < n; i++) _fx.Png(Path.Combine(root, split, $"class{c}", $"{i}.png"), c, i, 12, 12);
        var runDir = Path.Combine(_fx.Root, "run-" + damage);
        var train = Run("train", "--dataset", "folder:" + root, "--epochs", "1", "--model", "cnn", "--image-size", "12", "--channels", "1",
            "--batch-size", "4", "--threads", "1", "--out", runDir);
        train.Exit.Should().Be(0, train.Err);
        var weights = Path.Combine(runDir, "model.bin");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "garbage" => [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11))],
            _ => [],
        });

        // When predicting an image and evaluating the run with it
        var predict = Run("predict", "--run", runDir, Path.Combine(root, "test", "class0", "0.png"));
        var evaluate = Run("evaluate", "--run", runDir);

        // Then each fails with one line naming model.bin, exit 2, no internal error
        foreach (var (exit, _, err) in new[] { predict, evaluate })
        {
            exit.Should().Be(2, err);
            err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(weights).And.Contain("cannot read the weights").And.NotContain("bug");
        }
    }

    /// <summary>The tensor names in a safetensors header (8-byte little-endian length, then JSON).</summary>
    private static List<string> SafetensorsNames(string path)
    {
        var bytes = File.ReadAllBytes(path);
        long length = BitConverter.ToInt64(bytes, 0);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)length));
        return header.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "__metadata__").ToList();
    }
}
