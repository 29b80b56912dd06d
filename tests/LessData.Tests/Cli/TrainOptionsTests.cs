using System.CommandLine;
using System.Text.Json;
using LessData.Cli;
using LessData.Runs;
using LessData.Training;

namespace LessData.Tests.Cli;

/// <summary>One recipe option set, one binding: over the built-in defaults (train, compare) or over a named recipe (sweep).</summary>
public sealed class TrainOptionsTests
{
    private static (TrainOptions Options, ParseResult Parse) Parse(bool overProfile, params string[] args)
    {
        var options = new TrainOptions();
        var command = new Command("x");
        if (overProfile) options.AddOverridesTo(command);
        else options.AddTo(command, includeSchedule: false);
        var root = new RootCommand { command };
        var parse = root.Parse(["x", .. args]);
        parse.Errors.Should().BeEmpty();
        return (options, parse);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, RunOutputs.Json);

    [Fact]
    public void Bind_NoFlags_IsTheDefaultConfig_SoCompareAndTrainRunsKeepTheirKeys()
    {
        var (options, parse) = Parse(overProfile: false);

        Json(options.Bind(parse)).Should().Be(Json(new TrainConfig()));
    }

    [Fact]
    public void Bind_OverARecipe_OnlyTheFlagsGivenChangeIt()
    {
        // Given a recipe far from the defaults
        var recipe = new TrainConfig
        {
            Experiment = new ExperimentConfig { Model = LessData.Models.ModelSpec.Parse("cnn"), Epochs = 7, TrainLimit = 500, LearningRate = 0.02, Selector = LessData.Selection.Selectors.Parse("loss") },
            Environment = new RunEnvironment { Threads = 2 },
        };
        var (options, parse) = Parse(overProfile: true, "--epochs", "9", "--unbiased", "--optimizer", "sgd");

        // When the flags are bound over it
        var e = options.Bind(parse, recipe).Experiment;

        // Then the given flags replace their settings (--unbiased folds into the recipe's loss selector) and the rest is the recipe's
        Json(options.Bind(parse, recipe) with { Experiment = recipe.Experiment with { Epochs = 9, Optimizer = OptimizerKind.Sgd, Selector = e.Selector } })
            .Should().Be(Json(options.Bind(parse, recipe)));
        e.Epochs.Should().Be(9);
        e.Optimizer.Should().Be(OptimizerKind.Sgd);
        e.Selector.Spec.Should().Contain("loss").And.Contain("unbiased");
        e.Model.ToString().Should().Be("cnn");
        e.TrainLimit.Should().Be(500);
        e.LearningRate.Should().Be(0.02);
        options.Bind(parse, recipe).Environment.Threads.Should().Be(2);
    }

    [Fact]
    public void Bind_WithAProfile_IsThatRecipe_WithTheFlagsGivenInItsPlace()
    {
        var (options, parse) = Parse(overProfile: false, "--profile", "cpu", "--epochs", "24");
        var cpu = LessData.Sweeps.SweepProfiles.Get("cpu");

        var bound = options.Bind(parse);

        Json(bound.Experiment).Should().Be(Json(cpu.Experiment with { Epochs = 24 }));
        bound.Environment.Threads.Should().Be(cpu.Environment.Threads);
    }
}
