using LessData.Training;
using LessData.Tuning;

namespace LessData.Tests.Tuning;

public sealed class TunerPlanTests
{
    private static TrainConfig Recipe(int epochs) => new() { Experiment = new() { Epochs = epochs, TrainLimit = 600, Model = LessData.Models.ModelSpec.Parse("cnn") } };

    [Fact]
    public void DefaultCandidates_ARecipeCannotRun_AreSkippedWithTheirReason()
    {
        // Given 2 epochs: SeTa's target fractions need at least 2 pruned epochs, which 2 epochs cannot give
        var tuner = Tuner.Plan(Recipe(2), 0.5, 100, null);

        tuner.Skipped.Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("seta:") && s.Contains("out of reach"));
        tuner.Describe().Should().Contain("7 candidate(s)").And.NotContain("seta");
    }

    [Fact]
    public void DefaultCandidates_AtTwelveEpochs_AllRun()
    {
        var tuner = Tuner.Plan(Recipe(12), 0.5, 100, null);

        tuner.Skipped.Should().BeEmpty();
        tuner.Describe().Should().Contain("9 candidate(s)").And.Contain("seta").And.Contain("rs2");
    }

    [Fact]
    public void ACandidateTheUserNamed_ThatCannotRun_IsAnError()
    {
        var act = () => Tuner.Plan(Recipe(2), 0.5, 100, null, "step:0.5@0.5 seta:target=0.5");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("out of reach");
    }

    [Fact]
    public void ACandidateTheUserNamed_ThatCannotRun_IsAUserErrorNamingTheCandidate()
    {
        var act = () => Tuner.Plan(Recipe(2), 0.5, 100, null, "step:0.5@0.5 seta:target=0.5");

        var error = act.Should().Throw<UserError>().Which;
        error.Parameter.Should().Be("candidates");
        error.Message.Should().StartWith("'seta:");
    }

    [Fact]
    public void BlankCandidates_AreTheDefaultList_WithItsSkips()
    {
        var tuner = Tuner.Plan(Recipe(2), 0.5, 100, null, "  ");

        tuner.Skipped.Should().HaveCount(2, "a blank list is the default list, whose impossible candidates are skipped, not errors");
    }

    [Fact]
    public void ASeedWhoseTrialsWouldOverflow_IsAUserErrorNamingTheSeed()
    {
        var recipe = Recipe(12);
        recipe = recipe with { Experiment = recipe.Experiment with { Seed = int.MaxValue - 3 } };

        var act = () => Tuner.Plan(recipe, 0.5, 100, null, "cut:2", firstTrials: 2, maxTrials: 10);

        act.Should().Throw<UserError>().Which.Parameter.Should().Be("seed");
    }

    [Theory]
    [InlineData(null, null, "budgetRuns")]
    [InlineData(20, 1.0, "budgetHours")]
    public void Budget_NoneOrBoth_IsAUserErrorNamingABudget(int? runs, double? hours, string parameter)
    {
        var act = () => Tuner.Plan(Recipe(12), 0.5, runs, hours);

        act.Should().Throw<UserError>().Which.Parameter.Should().Be(parameter);
    }
}
