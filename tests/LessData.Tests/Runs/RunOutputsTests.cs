using System.Globalization;
using LessData;
using LessData.Provenance;
using LessData.Runs;
using LessData.Training;

namespace LessData.Tests.Runs;

public sealed class RunOutputsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RunRecord Sample() => new(
        new TrainConfig { Experiment = new() { Schedule = LessData.Selection.Schedules.Step(0.25, 0.5), Epochs = 2, TrainLimit = 100 } },
        new RunProvenance("abc123", new Dictionary<string, string> { ["torchsharp"] = "0.107.0" }, "test machine", "./lessdata train"),
        [new EpochRecord(1, 0.25, 25, 25, 2.302585092994046, 0.1234, 1.5, 0.001), new EpochRecord(2, 1, 100, 125, 1.1, 0.5678, 3.25, 0.00098)],
        new RunTotals(125, 4.75, 9.5, 0.5678, 0.5678, 1e-6, 4.75e-4, "model:65W"));

    [Fact]
    public void WriteThenRead_RoundTripsEveryField()
    {
        var record = Sample();

        RunOutputs.Write(_dir, record);
        var back = RunOutputs.Read(_dir);

        System.Text.Json.JsonSerializer.Serialize(back.Config, RunOutputs.Json).Should().Be(System.Text.Json.JsonSerializer.Serialize(record.Config, RunOutputs.Json));
        back.Config.Experiment.Schedule.Spec.Should().Be("step:0.25@0.5");
        back.Epochs.Should().Equal(record.Epochs);
        back.Totals.Should().Be(record.Totals);
        back.Provenance.Versions.Should().BeEquivalentTo(record.Provenance.Versions);
        Directory.GetFiles(_dir).Select(Path.GetFileName).Should().BeEquivalentTo(["run.json", "epochs.csv"], "no temporary file is left");
    }

    [Fact]
    public void RunJson_HasTheDocumentedKeys()
    {
        RunOutputs.Write(_dir, Sample());
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "run.json"))).RootElement;

        json.EnumerateObject().Select(p => p.Name).Should().Equal("config", "provenance", "epochs", "totals", "data");
        json.GetProperty("config").EnumerateObject().Select(p => p.Name).Should().Equal("experiment", "environment");
        json.GetProperty("config").GetProperty("experiment").GetProperty("selector").GetString().Should().Be("random");
        json.GetProperty("config").GetProperty("experiment").GetProperty("schedule").GetString().Should().Be("step:0.25@0.5");
        json.GetProperty("config").GetProperty("environment").TryGetProperty("threads", out _).Should().BeTrue();
        json.GetProperty("epochs")[0].EnumerateObject().Select(p => p.Name).Should().Equal("epoch", "fraction", "images", "evaluations", "trainLoss", "top1", "seconds", "lr",
            "finalTop1", "trainKwh", "kwh", "wallSeconds");
        json.GetProperty("totals").GetProperty("evaluations").GetInt64().Should().Be(125);
    }

    [Fact]
    public void Csv_IsInvariantCultureEvenUnderGerman()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            RunOutputs.Write(_dir, Sample());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        var lines = File.ReadAllLines(Path.Combine(_dir, "epochs.csv"));

        lines[0].Should().Be("epoch,fraction,images,evaluations,trainLoss,top1,seconds,lr,finalTop1,trainKwh,kwh,wallSeconds");
        lines[1].Should().Be("1,0.25,25,25,2.302585092994046,0.1234,1.5,0.001,,0,0,0");
        lines.Should().HaveCount(3);
    }

    [Fact]
    public void Read_Malformed_NamesTheFile()
    {
        var path = Path.Combine(_dir, "run.json");
        File.WriteAllText(path, "{ \"config\": 3 ");

        var act = () => RunOutputs.Read(_dir);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(path);
    }

    [Fact]
    public void Read_FlatConfigOfEarlierVersions_SplitsIntoExperimentAndEnvironment()
    {
        // Given a run.json config in the flat shape stores and run folders were written in before the split
        const string flat = """
            {"dataset":"fashion-mnist","dataDir":"/data","schedule":"step:E3","selector":"loss:hard=0.5","subset":null,"stratify":false,
             "model":"hvc-small","epochs":10,"batchSize":120,"seed":2,"trainLimit":6000,"testLimit":2000,"augment":true,
             "learningRate":0.001,"lrDecay":0.98,"lrFloor":1e-7,"emaDecay":0.999,"device":"cpu","threads":2,
             "carbonGramsPerKwh":475,"devicePowerWatts":65,"tensorBoard":false}
            """;

        // When it is read
        var config = System.Text.Json.JsonSerializer.Deserialize<LessData.Training.TrainConfig>(flat, RunOutputs.Json)!;

        // Then identity and environment land in their records, specs typed and canonical
        config.Experiment.Schedule.Spec.Should().Be("step:0.25@0.75");
        config.Experiment.Selector.Spec.Should().Be("loss:hard=0.5");
        config.Experiment.Seed.Should().Be(2);
        config.Experiment.TrainLimit.Should().Be(6000);
        config.Environment.DataDir.Should().Be("/data");
        config.Environment.Threads.Should().Be(2);
    }
}
