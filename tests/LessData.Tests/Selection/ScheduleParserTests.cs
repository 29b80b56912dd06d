using LessData;
using LessData.Selection;

namespace LessData.Tests.Selection;

public sealed class ScheduleParserTests
{
    [Theory]
    [InlineData("full", "full")]
    [InlineData("step:0.25@0.5", "step:0.25@0.5")]
    [InlineData("step:E2", "step:0.25@0.5")]
    [InlineData("STEP:e9", "step:0.75@0.75")]
    [InlineData("step:E4", "step:0.5@0.25")]
    [InlineData("increment:0.25", "increment:0.25")]
    [InlineData("cut:9", "cut:9")]
    public void Parse_ValidSpec_GivesCanonicalSpec(string spec, string canonical)
    {
        ScheduleParser.Parse(spec).Spec.Should().Be(canonical);
    }

    [Theory]
    [InlineData("step:1.5@0.5", "fraction must be in (0, 1]")]
    [InlineData("step:0@0.5", "fraction must be in (0, 1]")]
    [InlineData("step:0.5@1.2", "must be in [0, 1]")]
    [InlineData("step:E10", "E1..E9")]
    [InlineData("increment:-0.1", "must be in (0, 1]")]
    [InlineData("cut:0", "whole number ≥ 1")]
    [InlineData("cut:2.5", "whole number ≥ 1")]
    [InlineData("step:abc@0.5", "not a number")]
    [InlineData("half", "unknown schedule")]
    [InlineData("step", "unknown schedule")]
    public void Parse_InvalidSpec_ExplainsWhatIsWrong(string spec, string message)
    {
        var act = () => ScheduleParser.Parse(spec);
        act.Should().Throw<SelectionException>().Where(e => e.Parameter == "schedule").Which.Message.Should().Contain(message);
    }
}
