using LessData.Tuning;

namespace LessData.Tests.Tuning;

public sealed class CandidateSetTests
{
    [Fact]
    public void Default_PrintsBackToACanonicalText_ThatParsesToEqualSpecs()
    {
        CandidateSet.Default.Count.Should().Be(9);
        CandidateSet.Parse(CandidateSet.Default.ToString()).Items.Select(c => c.Spec).Should().Equal(CandidateSet.Default.Items.Select(c => c.Spec));
    }

    [Theory]
    [InlineData("step:0.25@0.5", "step:0.25@0.5", true, false)]
    [InlineData("infobatch:target=0.5", "infobatch:r=0.5,delta=0.875,target=0.5", false, true)]
    [InlineData("step:0.5@0.5+loss:hard=0.5", "step:0.5@0.5+loss:hard=0.5", true, true)]
    public void Parse_ScheduleSelectorOrBoth_IsARecipeDelta(string text, string spec, bool schedule, bool selector)
    {
        var c = TuneCandidate.Parse(text);

        c.Spec.Should().Be(spec);
        (c.Schedule is not null).Should().Be(schedule);
        (c.Selector is not null).Should().Be(selector);
        TuneCandidate.Parse(c.Spec).Spec.Should().Be(spec, "the canonical spec parses back to itself");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("step:0.5@0.5+")]
    [InlineData("cut:2 cut:2")]
    public void Parse_Bad_IsAUserErrorNamingTheCandidates(string text)
    {
        var act = () => CandidateSet.Parse(text);

        act.Should().Throw<UserError>().Which.Parameter.Should().Be("candidates");
    }

    [Theory]
    [InlineData("cut:0")]
    [InlineData("step:0.5@x")]
    [InlineData("increment:2")]
    public void Parse_AMistypedSchedule_GetsTheSchedulesError_NotTheSelectors(string text)
    {
        var act = () => TuneCandidate.Parse(text);

        act.Should().Throw<UserError>().Which.Message.Should().NotContain("selector");
    }
}
