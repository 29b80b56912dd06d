using System.Text.Json;
using LessData.Augmentation;
using LessData.Data;
using LessData.Data.Folders;
using LessData.Runs;
using LessData.Models;
using LessData.Training;

namespace LessData.Tests.Training;

/// <summary>The typed recipe: each value parses once, prints back to its canonical text, and names its setting when wrong.</summary>
public sealed class RecipeSpecTests
{
    [Fact]
    public void NamedChoices_RoundTripThroughTheirCanonicalText_AndParseAnyCase()
    {
        foreach (var k in OptimizerKind.All) OptimizerKind.Parse(k.ToString()).Should().BeSameAs(k);
        foreach (var k in LrScheduleKind.All) LrScheduleKind.Parse(k.ToString()).Should().BeSameAs(k);
        foreach (var k in LrClockKind.All) LrClockKind.Parse(k.ToString()).Should().BeSameAs(k);
        foreach (var k in AugmentationPipeline.All) AugmentationPipeline.Parse(k.ToString()).Should().BeSameAs(k);

        OptimizerKind.Parse(" SGD ").Should().BeSameAs(OptimizerKind.Sgd);
        LrScheduleKind.Parse("OneCycle").ToString().Should().Be("onecycle");
        AugmentationPipeline.ParseOrNull("  ").Should().BeNull();
    }

    public static TheoryData<Func<object>, string> UnknownNames => new()
    {
        { () => OptimizerKind.Parse("rmsprop"), OptimizerKind.Setting },
        { () => LrScheduleKind.Parse("step"), LrScheduleKind.Setting },
        { () => LrClockKind.Parse("steps"), LrClockKind.Setting },
        { () => AugmentationPipeline.Parse("imagenet"), AugmentationPipeline.Setting },
        { () => ModelSpec.Parse("vgg16"), ModelSpec.Setting },
        { () => ModelSpec.Parse("cnn:depth=3"), ModelSpec.Setting },
        { () => ModelSpec.Parse("hvc:depth=x"), ModelSpec.Setting },
        { () => DatasetSpec.Parse("imagenet"), DatasetCatalog.Setting },
        { () => DatasetSpec.Parse("folder:"), DatasetCatalog.Setting },
        { () => ImageSize.Parse("3x"), ImageSize.Setting },
    };

    [Theory]
    [MemberData(nameof(UnknownNames))]
    public void BadText_IsAUserErrorNamingItsSetting_InLibraryWords(Func<object> parse, string setting)
    {
        var error = parse.Should().Throw<UserError>().Which;

        error.Parameter.Should().Be(setting);
        error.Message.Should().NotContain("--", "library messages speak of parameters, not of CLI flags");
    }

    [Fact]
    public void ModelSpec_IsCanonicalLowerCase_KnowsItsPreset_WithoutBuildingTheModel()
    {
        var spec = ModelSpec.Parse(" HVC:depth=7,first=16 ");

        spec.ToString().Should().Be("hvc:depth=7,first=16");
        spec.Preset.Should().Be("hvc");
        ModelSpec.Parse(spec.ToString()).Should().Be(spec);
    }

    [Fact]
    public void DatasetSpec_KeepsTheUsersText_AndResolvesAFolderOnce_ExistingOrNot()
    {
        var folder = DatasetSpec.Parse("folder:/no/such/images");

        folder.ToString().Should().Be("folder:/no/such/images");
        folder.IsFolder.Should().BeTrue();
        folder.Folder!.Path.Should().Be("/no/such/images");
        folder.Folder.Invoking(f => f.Existing()).Should().Throw<UserError>().Which.Parameter.Should().Be(DatasetCatalog.Setting);
        DatasetSpec.Parse("fashion-mnist").IsFolder.Should().BeFalse();
    }

    [Fact]
    public void ExperimentJson_HoldsTheCanonicalTexts_AndReadsBackToTheSameConfig()
    {
        var e = new ExperimentConfig
        {
            Dataset = DatasetSpec.Parse("folder:/data/pets"), Model = ModelSpec.Parse("hvc-small:bf16"), ImageSize = ImageSize.Parse("6x10"),
            Augmentation = AugmentationPipeline.Cifar, Optimizer = OptimizerKind.Sgd, LrSchedule = LrScheduleKind.OneCycle, LrClock = LrClockKind.Images,
        };

        var json = JsonSerializer.Serialize(e, RunOutputs.Json);

        json.Should().Contain("\"dataset\": \"folder:/data/pets\"").And.Contain("\"model\": \"hvc-small:bf16\"").And.Contain("\"imageSize\": \"6x10\"")
            .And.Contain("\"augmentation\": \"cifar\"").And.Contain("\"optimizer\": \"sgd\"").And.Contain("\"lrSchedule\": \"onecycle\"")
            .And.Contain("\"lrClock\": \"images\"");
        var back = JsonSerializer.Deserialize<ExperimentConfig>(json, RunOutputs.Json)!;
        JsonSerializer.Serialize(back, RunOutputs.Json).Should().Be(json);
        (back.Dataset, back.Model, back.ImageSize).Should().Be((e.Dataset, e.Model, e.ImageSize));
        back.Optimizer.Should().BeSameAs(OptimizerKind.Sgd);
        back.LrClock.Should().BeSameAs(LrClockKind.Images);
    }

    /// <summary>The experiment of a run in docs/results/fashion-mnist-cpu-12ep.db, as the store holds it (the sweep key hashes this text).</summary>
    private const string StoredExperiment = """
        {
          "dataset": "fashion-mnist",
          "trainLimit": 6000,
          "testLimit": 2000,
          "finalWindow": 3,
          "schedule": "full",
          "selector": "random",
          "subset": null,
          "stratify": false,
          "model": "hvc-small",
          "epochs": 12,
          "batchSize": 120,
          "seed": 1,
          "augment": true,
          "learningRate": 0.001,
          "lrDecay": 0.98,
          "lrFloor": 1E-07,
          "emaDecay": 0.999,
          "testSplit": null,
          "imageSize": null,
          "channels": null,
          "augmentation": null,
          "optimizer": "adam",
          "momentum": 0.9,
          "nesterov": false,
          "weightDecay": 0,
          "lrSchedule": "paper",
          "warmupEpochs": 0,
          "lrClock": "epochs"
        }
        """;

    [Fact]
    public void StoredExperiment_ReadsAndWritesBackByteForByte_SoSweepKeysAreUnchanged()
    {
        var e = JsonSerializer.Deserialize<ExperimentConfig>(StoredExperiment, RunOutputs.Json)!;

        JsonSerializer.Serialize(e, RunOutputs.Json).Should().Be(StoredExperiment);
        (e.Schedule.IsFull, e.Selector.IsRandom).Should().Be((true, true));
        LessData.Selection.Selectors.Parse("loss").IsRandom.Should().BeFalse();
        LessData.Selection.Schedules.Parse("cut:5").IsFull.Should().BeFalse();
    }
}
