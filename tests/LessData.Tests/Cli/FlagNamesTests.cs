using System.CommandLine;
using LessData.Augmentation;
using LessData.Cli;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Models;
using LessData.Training;

namespace LessData.Tests.Cli;

/// <summary>The core names its settings; the CLI alone maps them to flags, and every such flag exists.</summary>
public sealed class FlagNamesTests
{
    [Theory]
    [InlineData(ModelSpec.Setting, "--model")]
    [InlineData(OptimizerKind.Setting, "--optimizer")]
    [InlineData(LrScheduleKind.Setting, "--lr-schedule")]
    [InlineData(LrClockKind.Setting, "--lr-clock")]
    [InlineData(AugmentationPipeline.Setting, "--augment")]
    [InlineData(ImageSize.Setting, "--image-size")]
    [InlineData(FolderSettings.TestSplitSetting, "--test-split")]
    [InlineData(FolderSettings.ChannelsSetting, "--channels")]
    [InlineData(FolderSettings.StrictSetting, "--strict")]
    [InlineData(DataOptions.DataDirSetting, "--data-dir")]
    [InlineData(DatasetCatalog.Setting, "--dataset")]
    [InlineData("learningRate", "--lr")]
    [InlineData("warmup", "--warmup")]
    [InlineData("momentum", "--momentum")]
    [InlineData("nesterov", "--nesterov")]
    [InlineData("weightDecay", "--weight-decay")]
    [InlineData("batchSize", "--batch-size")]
    [InlineData("device", "--device")]
    [InlineData("threads", "--threads")]
    [InlineData("finalWindow", "--final-window")]
    [InlineData("trainLimit", "--train-limit")]
    [InlineData("testLimit", "--test-limit")]
    public void RecipeSettings_MapToFlagsThatTrainHas(string parameter, string flag)
    {
        var train = TrainCommand.Create();

        FlagNames.For(parameter).Should().Be(flag);
        train.Options.Select(o => o.Name).Should().Contain(flag);
    }

    public static TheoryData<Func<ExperimentConfig, ExperimentConfig>, string> BadConfigs => new()
    {
        { e => e with { BatchSize = 1 }, "batchSize" },
        { e => e with { FinalWindow = 0 }, "finalWindow" },
        { e => e with { LearningRate = 0 }, "learningRate" },
        { e => e with { WarmupEpochs = 5, Epochs = 5 }, "warmup" },
        { e => e with { Momentum = 1 }, "momentum" },
        { e => e with { WeightDecay = -1 }, "weightDecay" },
        { e => e with { Nesterov = true }, "nesterov" },
        { e => e with { ImageSize = ImageSize.Parse("32") }, ImageSize.Setting },
        { e => e with { TestSplit = 0.2 }, FolderSettings.TestSplitSetting },
        { e => e with { Channels = 3 }, FolderSettings.ChannelsSetting },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Validate_NamesTheSetting_InLibraryWords(Func<ExperimentConfig, ExperimentConfig> bad, string parameter)
    {
        var config = new TrainConfig { Experiment = bad(new ExperimentConfig { Epochs = 10 }) };

        var error = FluentActions.Invoking(() => LessData.Runs.RunPipeline.Validate(config)).Should().Throw<UserError>().Which;

        error.Parameter.Should().Be(parameter);
        error.Message.Should().NotContain("--", "the CLI alone names flags");
    }

    [Fact]
    public void Train_UnknownOptimizer_OneLineNamingTheFlag()
    {
        var root = new RootCommand { TrainCommand.Create() };
        var error = new StringWriter();

        int exit = CliRunner.Invoke(root, ["train", "--optimizer", "rmsprop", "--epochs", "1"], new StringWriter(), error);

        exit.Should().NotBe(0);
        error.ToString().Trim().Should().Be("lessdata: --optimizer must be one of adam, sgd (got 'rmsprop')");
    }
}
