using System.Text.Json;
using LessData.Comparison;
using LessData.Provenance;
using LessData.Runs;
using LessData.Statistics;
using LessData.Training;

namespace LessData.Tests.Comparison;

public sealed class ComparisonSummaryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RunRecord Run(string schedule, long evaluations, double seconds, double top1, int seed) => new(
        new TrainConfig { Experiment = new() { Schedule = LessData.Selection.Schedules.Parse(schedule), Seed = seed, Epochs = 4 } },
        new RunProvenance("test", new Dictionary<string, string>(), "test", "test"),
        [],
        new RunTotals(evaluations, seconds, seconds + 1, top1, top1, 1e-5, 5e-3, "model:65W", 8e-6, 4e-3, 0.004, 10000, 3, top1));

    [Fact]
    public void Write_SummaryJson_HasTheVerdictFields_WithDeltaInsideItsIntervals()
    {
        // Given three paired trials of a baseline and one method
        var baseline = new Dictionary<int, RunRecord> { [0] = Run("full", 1000, 10, 0.80, 1), [1] = Run("full", 1000, 11, 0.82, 2), [2] = Run("full", 1000, 9, 0.79, 3) };
        var step = new Dictionary<int, RunRecord> { [0] = Run("step:0.5@0.5", 750, 7.6, 0.795, 1), [1] = Run("step:0.5@0.5", 750, 8.1, 0.818, 2), [2] = Run("step:0.5@0.5", 750, 6.9, 0.781, 3) };
        var rows = ComparisonRow.Build(baseline, [step], 1.0);

        // When compare writes its summary
        ComparisonSummary.Write(_dir, rows, baseline[0], "./lessdata compare …");

        // Then the method's row carries every verdict field, Δ sits inside both intervals, and the baseline's are null
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json"))).RootElement;
        json.GetProperty("margin").GetDouble().Should().Be(1.0);
        var baseRow = json.GetProperty("rows")[0];
        baseRow.GetProperty("baseline").GetBoolean().Should().BeTrue();
        baseRow.GetProperty("deltaTop1").ValueKind.Should().Be(JsonValueKind.Null);
        var row = json.GetProperty("rows")[1];
        row.GetProperty("method").GetString().Should().Be("step:0.5@0.5");
        double delta = row.GetProperty("deltaTop1").GetDouble();
        delta.Should().BeApproximately(rows[1].Delta!.Mean, 1e-12);
        delta.Should().BeInRange(row.GetProperty("ci95")[0].GetDouble(), row.GetProperty("ci95")[1].GetDouble());
        delta.Should().BeInRange(row.GetProperty("bootstrapCi95")[0].GetDouble(), row.GetProperty("bootstrapCi95")[1].GetDouble());
        row.GetProperty("pPaired").GetDouble().Should().BeInRange(0, 1);
        row.GetProperty("verdict").GetString().Should().BeOneOf("maintains", "loses", "inconclusive");
        row.GetProperty("verdictUnadjusted").GetString().Should().Be(NonInferiority.Name(NonInferiority.Decide(rows[1].Delta!, 1.0)));
        var boundary = row.GetProperty("boundary");
        boundary.GetProperty("trials").GetInt32().Should().Be(3);
        boundary.GetProperty("criticalT").GetDouble().Should().BeApproximately(4.302653, 5e-6, "one method, one look: t(0.975, 2)");
        row.GetProperty("trialsFor80Power").ValueKind.Should().Be(JsonValueKind.Number);
        json.GetProperty("verdictRule").GetProperty("methods").GetInt32().Should().Be(1);
        var saved = row.GetProperty("timeSaved");
        double percent = saved.GetProperty("percent").GetDouble();
        percent.Should().BeInRange(saved.GetProperty("ci95")[0].GetDouble(), saved.GetProperty("ci95")[1].GetDouble());
        saved.GetProperty("bootstrapCi95").GetArrayLength().Should().Be(2);
        row.GetProperty("headline").GetString().Should().StartWith("step:0.5@0.5 saves ");
        File.ReadAllText(Path.Combine(_dir, "summary.md")).Should().Contain("| step:0.5@0.5 | 3 |");
    }
}
