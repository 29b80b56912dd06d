using System.Globalization;
using LessData;
using LessData.Provenance;
using LessData.Reports;
using LessData.Runs;
using LessData.Statistics;
using LessData.Store;
using LessData.Tests.Statistics;
using LessData.Training;
using SkiaSharp;

namespace LessData.Tests.Reports;

public sealed class ReportBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SweepRun Run(string id, string spec, int trial, long evaluations, double seconds, double top1, RunStatus status = RunStatus.Completed)
    {
        var epochs = Enumerable.Range(1, 3).Select(e => new EpochRecord(e, e == 1 && spec != "full" ? 0.5 : 1, 10, evaluations * e / 3, 1.0 / e, top1 - (3 - e) * 0.05, seconds / 3, 0.001)).ToList();
        var record = new RunRecord(new TrainConfig { Experiment = new() { Schedule = LessData.Selection.Schedules.Parse(spec), Seed = 1 + trial } }, new RunProvenance("x", new Dictionary<string, string>(), "m", "c"), epochs,
            new RunTotals(evaluations, seconds, seconds + 2, top1, top1, seconds * 65 / 3.6e6, seconds * 65 / 3.6e6 * LessData.Energy.Carbon.WorldAverageGramsPerKwh, "model:65W"));
        return new SweepRun("paper-step", "cpu", "fashion-mnist", id, spec, trial, 1 + trial, status, status == RunStatus.Completed ? record : null,
            status == RunStatus.Failed ? "boom" : null);
    }

    /// <summary>Baseline + E2 + C5 × 3 trials, plus a failed and a pending run of C5.</summary>
    private static List<SweepRun> Fixture() =>
    [
        Run("Baseline", "full", 0, 1000, 100, 0.912), Run("Baseline", "full", 1, 1000, 102, 0.908), Run("Baseline", "full", 2, 1000, 98, 0.915),
        Run("E2", "step:0.25@0.5", 0, 625, 63, 0.899), Run("E2", "step:0.25@0.5", 1, 625, 64, 0.901), Run("E2", "step:0.25@0.5", 2, 625, 62, 0.906),
        Run("C5", "cut:5", 0, 600, 61, 0.90), Run("C5", "cut:5", 1, 600, 60, 0.89),
        Run("C5", "cut:5", 2, 0, 0, 0, RunStatus.Failed), Run("C5", "cut:5", 3, 0, 0, 0, RunStatus.Pending),
    ];

    [Fact]
    public void Table_ValuesMatchHandComputation()
    {
        var rows = ReportTable.Build(Fixture());

        rows.Select(r => r.Id).Should().Equal("Baseline", "E2", "C5");
        var e2 = rows[1];
        e2.Completed.Should().Be(3);
        e2.EvaluationsDelta.Should().BeApproximately(-37.5, 1e-9);
        e2.TimeDelta.Should().BeApproximately((63.0 / 100 - 1) * 100, 1e-9);
        e2.Top1Mean.Should().BeApproximately((89.9 + 90.1 + 90.6) / 3, 1e-9);
        e2.Top1Delta.Should().BeApproximately((89.9 + 90.1 + 90.6) / 3 - (91.2 + 90.8 + 91.5) / 3, 1e-9);
        e2.P.Should().BeApproximately(WelchReference.FixtureE2P, 1e-9);
        e2.Co2Saved.Should().BeApproximately(37, 1e-9);
        var c5 = rows[2];
        (c5.Completed, c5.Failed, c5.Pending).Should().Be((2, 1, 1));
        ReportFormat.Trials(c5).Should().Be("2 (1 pending, 1 failed)");
    }

    [Fact]
    public void Table_PairsTrialsWithTheBaseline_HolmAcrossCells_AndGivesVerdicts()
    {
        var rows = ReportTable.Build(Fixture(), margin: 1.0);

        // E2 − Baseline per trial: −1.3, −0.7, −0.9 points
        var e2 = rows[1];
        e2.Delta!.Trials.Should().Be(3);
        e2.Delta.Mean.Should().BeApproximately((-1.3 - 0.7 - 0.9) / 3, 1e-9);
        e2.Delta.P.Should().BeApproximately(PairedDifference.Of([-1.3, -0.7, -0.9]).P, 1e-9);
        e2.TimeSaved!.Mean.Should().BeApproximately((37 + (1 - 64.0 / 102) * 100 + (1 - 62.0 / 98) * 100) / 3, 1e-9);
        e2.Verdict.Should().Be(NonInferiority.Decide(e2.Delta, 1.0));
        // C5 pairs only trials 0 and 1 (trial 2 failed, 3 pending)
        rows[2].Delta!.Trials.Should().Be(2);
        // Holm over the two cells' paired p-values
        var holm = Holm.Adjust([e2.Delta.P, rows[2].Delta!.P]);
        (e2.PHolm, rows[2].PHolm).Should().Be((holm[0], holm[1]));
        rows[0].Delta.Should().BeNull("the Baseline is not compared with itself");
        ReportMarkdown.Table(rows).Should().Contain("p Holm").And.Contain("verdict").And.Contain(NonInferiority.Name(e2.Verdict!.Value));
    }

    [Theory]
    [InlineData("E3", "Step")]
    [InlineData("I25", "Increment")]
    [InlineData("C9", "Cut")]
    [InlineData("IB70", "Other")]
    [InlineData("loss", "Other")]
    public void Plots_GroupCellsIntoTheMethodFamilies(string id, string family)
    {
        ReportPlots.Family(id).Name.Should().Be(family);
    }

    [Fact]
    public void Write_ProducesReportFilesAndRealPlots()
    {
        var written = ReportBuilder.Write(Fixture(), _dir, "./lessdata report --store s.db");

        written.Select(Path.GetFileName).Should().BeEquivalentTo(["fraction.png", "top1-per-epoch-step.png", "top1-per-epoch-cut.png", "delta-top1.png",
            "top1-vs-time.png", "time-vs-evaluations.png", "report.md", "report.html", "summary.json", "runs.csv", "epochs.csv"]);
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json"))).RootElement;
        var e2 = summary.GetProperty("cells")[1];
        e2.GetProperty("id").GetString().Should().Be("E2");
        double delta = e2.GetProperty("deltaTop1").GetDouble();
        delta.Should().BeInRange(e2.GetProperty("ci95")[0].GetDouble(), e2.GetProperty("ci95")[1].GetDouble());
        e2.GetProperty("verdict").GetString().Should().BeOneOf("maintains", "loses", "inconclusive");
        e2.TryGetProperty("pHolm", out _).Should().BeTrue();
        e2.GetProperty("verdictUnadjusted").GetString().Should().BeOneOf("maintains", "loses", "inconclusive");
        e2.GetProperty("boundary").GetProperty("criticalT").GetDouble().Should().BeApproximately(
            StudentTDistribution.Quantile(1 - 0.025 / 2, 2), 1e-9, "Bonferroni over the two cells with a paired Δ, 3 trials");
        e2.GetProperty("trialsFor80Power").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Number);
        foreach (var png in written.Where(p => p.EndsWith(".png")))
        {
            using var bitmap = SKBitmap.Decode(png);
            bitmap.Width.Should().Be(ReportPlots.Width);
            bitmap.Pixels.Distinct().Count().Should().BeGreaterThan(20, $"{Path.GetFileName(png)} should show more than a blank canvas");
        }
        var html = File.ReadAllText(Path.Combine(_dir, "report.html"));
        html.Should().Contain("data:image/png;base64,").And.NotContain("http://").And.NotContain("https://");
        File.ReadAllText(Path.Combine(_dir, "report.md")).Should().Contain("./lessdata report --store s.db").And.Contain("| E2 |").And.Contain("1 failed");
    }

    [Fact]
    public void RunsCsv_KeepsEveryRunIncludingFailedAndPending()
    {
        ReportBuilder.Write(Fixture(), _dir, "cmd");
        var lines = File.ReadAllLines(Path.Combine(_dir, "runs.csv"));

        lines.Should().HaveCount(1 + 10);
        lines.Count(l => l.Contains(",failed,")).Should().Be(1);
        lines.Count(l => l.Contains(",pending,")).Should().Be(1);
        File.ReadAllLines(Path.Combine(_dir, "epochs.csv")).Should().HaveCount(1 + 8 * 3);
    }

    [Fact]
    public void Markdown_IsInvariantUnderGermanCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            ReportMarkdown.Table(ReportTable.Build(Fixture())).Should().Contain("91.17 ±").And.NotContain("91,17");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Write_EmptyStore_ExplainsWhatToDo()
    {
        var act = () => ReportBuilder.Write([], _dir, "cmd");

        act.Should().Throw<UserError>().Which.Message.Should().Contain("lessdata sweep");
    }

    [Fact]
    public void MatchedPairs_CellsWithEqualEvaluations_ComparedHeadToHead()
    {
        // Given E2 and I25 at 625 evaluations each (C5 at 600 matches nothing; IB at ~640 is more than 0.1 % away)
        var runs = Fixture();
        runs.AddRange([Run("I25", "increment:0.25", 0, 625, 60, 0.910), Run("I25", "increment:0.25", 1, 625, 61, 0.905), Run("I25", "increment:0.25", 2, 625, 59, 0.912)]);
        runs.AddRange([Run("IB", "full", 0, 640, 60, 0.910), Run("IB", "full", 1, 641, 61, 0.905)]);

        var pairs = MatchedPairs.Find(runs);

        // Then exactly one pair, B − A in points, with Welch's p of the two trial sets
        var pair = pairs.Should().ContainSingle().Subject;
        (pair.A, pair.B, pair.Evaluations).Should().Be(("E2", "I25", 625.0));
        pair.Delta.Should().BeApproximately((91.0 + 90.5 + 91.2) / 3 - (89.9 + 90.1 + 90.6) / 3, 1e-9);
        pair.P.Should().BeApproximately(WelchTest.Compare([91.0, 90.5, 91.2], [89.9, 90.1, 90.6]).P, 1e-12);
        pair.Paired!.Trials.Should().Be(3);
        pair.Paired.Mean.Should().BeApproximately(pair.Delta, 1e-9);
        pair.Paired.P.Should().BeApproximately(PairedDifference.Of([91.0 - 89.9, 90.5 - 90.1, 91.2 - 90.6]).P, 1e-9);
        MatchedPairs.Markdown(pairs).Should().Contain("| E2 `step:0.25@0.5` | I25 `increment:0.25` | 625 |");
    }

    [Fact]
    public void MatchedPairs_WithinTolerance_CountsAsEqual()
    {
        // 37,504 vs 37,500 (InfoBatch with a target lands within rounding) is within 0.1 %
        List<SweepRun> runs = [Run("E2", "step:0.25@0.5", 0, 37500, 60, 0.80), Run("E2", "step:0.25@0.5", 1, 37500, 60, 0.81),
            Run("IB", "full", 0, 37504, 60, 0.82), Run("IB", "full", 1, 37504, 60, 0.81), Run("C5", "cut:5", 0, 36000, 55, 0.80)];

        MatchedPairs.Find(runs).Should().ContainSingle().Which.B.Should().Be("IB");
    }
}
