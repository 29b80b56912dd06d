using System.CommandLine;
using LessData.Cli;
using LessData.Tests.Data;

namespace LessData.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly DataFixtures _fx = new();

    public void Dispose() => _fx.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliHarness.Run([TrainCommand.Create(), CompareCommand.Create(), DemoCommand.Create(), DatasetsCommand.Create()], args);

    [Theory]
    [InlineData("step:1.5@0.5", "fraction must be in (0, 1]")]
    [InlineData("cut:0", "whole number")]
    [InlineData("bogus", "unknown schedule")]
    public void Train_InvalidSchedule_OneLineErrorAndExit2(string schedule, string message)
    {
        var (exit, _, err) = Run("train", "--schedule", schedule, "--epochs", "1");

        exit.Should().Be(2);
        err.Should().Contain(message);
        err.Should().NotContain("   at ", "no stack trace");
        err.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public void Train_TruncatedIdxFile_OneLineErrorNamingTheFile()
    {
        // Given a data dir whose training images are cut short
        var folder = _fx.WriteIdxSet(_fx.Folder("mnist"));
        var images = Path.Combine(folder, "train-images-idx3-ubyte");
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..2000]);

        // When training on it
        var (exit, _, err) = Run("train", "--dataset", "mnist", "--data-dir", _fx.Root, "--epochs", "1", "--model", "cnn", "--out", Path.Combine(_fx.Root, "out"));

        // Then one line names the file and the problem
        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(images).And.Contain("truncated");
    }

    [Theory]
    [InlineData("--margin", "0", "--margin must be a positive number")]
    [InlineData("--trials", "0", "--trials must be at least 1")]
    [InlineData("--final-window", "0", "--final-window must be at least 1")]
    [InlineData("--baseline-model", "resnet", "unknown model")]
    public void Compare_BadOption_OneLineBeforeAnyTraining(string option, string value, string message)
    {
        var outDir = Path.Combine(_fx.Root, "cmp");
        var (exit, _, err) = Run("compare", "--schedules", "step:0.5@0.5", "--epochs", "2", "--data-dir", _fx.Root, "--out", outDir, option, value);

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(message);
        Directory.Exists(outDir).Should().BeFalse("nothing is created before the options are checked");
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs: epochs must be at least 1")]
    [InlineData("--subset", "sometimes", "--subset: subset policy must be")]
    [InlineData("--model", "resnet", "unknown model")]
    [InlineData("--dataset", "imagenet", "not a dataset LessData knows")]
    [InlineData("--device", "tpu", "--device must be cpu or cuda")]
    public void Train_BadOption_ExplainsAndExits2(string option, string value, string message)
    {
        var (exit, _, err) = Run("train", option, value, "--data-dir", _fx.Root);

        exit.Should().Be(2);
        err.Should().Contain(message);
    }

    [Fact]
    public void Train_UnknownDataset_NamesTheFlagTheBuiltInsAndFolderDatasets()
    {
        var (exit, _, err) = Run("train", "--dataset", "imagenet", "--data-dir", _fx.Root, "--epochs", "1");

        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should()
            .StartWith("lessdata: --dataset 'imagenet'").And.Contain("mnist, fashion-mnist, cifar10, smallnorb").And.Contain("folder:PATH");
    }

    [Fact]
    public void Train_NonNumericEpochs_IsAParseErrorNotACrash()
    {
        var (exit, _, err) = Run("train", "--epochs", "many");

        exit.Should().Be(2);
        err.Should().Contain("many");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("compare")]
    [InlineData("demo")]
    [InlineData("datasets")]
    public void Help_WorksOnEveryCommand(string command)
    {
        var (exit, output, _) = Run(command, "--help");

        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain(command);
    }

    [Fact]
    public void Train_TinyRunOnFixture_WritesRunJsonWithStepFormulaEvaluations()
    {
        // Given a 12-image MNIST-format folder
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 40, m: 10);
        var outDir = Path.Combine(_fx.Root, "run");

        // When a 4-epoch Data Step run trains on it
        var (exit, _, err) = Run("train", "--dataset", "mnist", "--data-dir", _fx.Root, "--schedule", "step:0.25@0.5", "--epochs", "4",
            "--model", "cnn", "--batch-size", "8", "--threads", "1", "--out", outDir);

        // Then run.json holds the Step formula's evaluations: 2 epochs × 10 + 2 × 40
        exit.Should().Be(0, err);
        var record = LessData.Runs.RunOutputs.Read(outDir);
        record.Totals.Evaluations.Should().Be(2 * 10 + 2 * 40);
        record.Epochs.Should().HaveCount(4);
        record.Config.Experiment.Schedule.Spec.Should().Be("step:0.25@0.5");
        File.Exists(Path.Combine(outDir, "epochs.csv")).Should().BeTrue();
    }

    [Fact]
    public void Train_LossSelector_RecordsSelectorAndImagesPerEpoch()
    {
        _fx.WriteIdxSet(_fx.Folder("mnist"), n: 40, m: 10);
        var outDir = Path.Combine(_fx.Root, "run-loss");

        var (exit, _, err) = Run("train", "--dataset", "mnist", "--data-dir", _fx.Root, "--schedule", "step:0.25@0.5", "--selector", "loss", "--unbiased",
            "--epochs", "4", "--model", "cnn", "--batch-size", "8", "--threads", "1", "--out", outDir);

        exit.Should().Be(0, err);
        var record = LessData.Runs.RunOutputs.Read(outDir);
        record.Config.Experiment.Selector.Spec.Should().Be("loss:hard=0.5,unbiased");
        record.Epochs.Select(e => e.Images).Should().Equal(10, 10, 40, 40);
    }

    [Fact]
    public void Train_OutIsAnExistingFile_FailsBeforeLoadingAnyData()
    {
        // Given --out naming an existing file, and a data folder with nothing in it
        var file = Path.Combine(_fx.Root, "taken.txt");
        File.WriteAllText(file, "mine");
        var empty = Path.Combine(_fx.Root, "empty");
        Directory.CreateDirectory(empty);

        // When a run is asked for
        var (exit, _, err) = Run("train", "--dataset", "mnist", "--data-dir", empty, "--model", "cnn", "--epochs", "1", "--out", file);

        // Then it stops with one line about --out (not about the missing data: nothing was loaded), and the file is untouched
        exit.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle();
        err.Should().Contain("--out").And.Contain(file).And.Contain("existing file");
        File.ReadAllText(file).Should().Be("mine");
    }

    [Fact]
    public void Train_InfoBatchWithAStepSchedule_ExplainsAndExits2()
    {
        var (exit, _, err) = Run("train", "--schedule", "step:0.5@0.5", "--selector", "infobatch", "--data-dir", _fx.Root);

        exit.Should().Be(2);
        err.Should().Contain("--selector").And.Contain("full schedule").And.Contain("target fraction");
    }

    [Fact]
    public void Train_InfoBatchUnreachableTarget_FailsBeforeLoadingData()
    {
        // No dataset in the data dir: the error must be about the target, found before any data is read
        var (exit, _, err) = Run("train", "--selector", "infobatch", "--target-fraction", "0.1", "--epochs", "10", "--data-dir", _fx.Root);

        exit.Should().Be(2);
        err.Should().Contain("out of reach").And.Contain("lowest reachable share is 0.2");
    }
}
