using System.Text.Json;
using System.Text.Json.Nodes;
using LessData.Provenance;
using LessData.Runs;
using LessData.Training;

namespace LessData.Tests.Runs;

/// <summary>run.json keeps its fields, their order and their values although only config, epochs and totals are public.</summary>
public sealed class RunRecordJsonTests
{
    private static RunRecord Record(RunState? status, string? failure) =>
        new(new TrainConfig(), new RunProvenance("abc", new Dictionary<string, string> { ["dotnet"] = "10" }, "m", "lessdata train"), [],
            new RunTotals(10, 1, 2, 0.5, 0.6, 0, 0, "model:65W"), new RunData(["a", "b"], "flip", null, null), status, failure);

    [Fact]
    public void Serialize_WritesEveryFieldInDeclarationOrder()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Record(RunState.Failed, "boom"), RunOutputs.Json))!.AsObject();

        json.Select(p => p.Key).Should().Equal("config", "provenance", "epochs", "totals", "data", "status", "failure");
        json["provenance"]!["gitCommit"]!.GetValue<string>().Should().Be("abc");
        json["data"]!["pipeline"]!.GetValue<string>().Should().Be("flip");
        json["failure"]!.GetValue<string>().Should().Be("boom");
    }

    [Fact]
    public void Serialize_LeavesOutAnUnsetStatusAndFailure()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Record(null, null), RunOutputs.Json))!.AsObject();

        json.Select(p => p.Key).Should().Equal("config", "provenance", "epochs", "totals", "data");
    }

    [Fact]
    public void Deserialize_ReadsBackTheInternalFields()
    {
        var back = JsonSerializer.Deserialize<RunRecord>(JsonSerializer.Serialize(Record(RunState.Interrupted, "stopped"), RunOutputs.Json), RunOutputs.Json)!;

        back.Provenance.GitCommit.Should().Be("abc");
        back.Data!.Classes.Should().Equal("a", "b");
        back.Status.Should().Be(RunState.Interrupted);
        back.Failure.Should().Be("stopped");
        back.Totals.Top1.Should().Be(0.5);
    }
}
