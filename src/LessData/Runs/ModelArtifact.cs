using System.Text.Json;
using LessData.Augmentation;
using LessData.Data;
using LessData.Models;
using LessData.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LessData.Runs;

/// <summary>
/// The trained model as files in the run folder: model.bin (TorchSharp's native format), model.safetensors
/// (written with TorchSharp.PyBridge; tensor names are the PyTorch state-dict names of the same architecture, see
/// bench/reference/resnet_reference.py) and model.json (<see cref="ModelDescription"/>).
/// </summary>
internal static class ModelArtifact
{
    public const string NativeFile = "model.bin";
    public const string SafetensorsFile = "model.safetensors";
    public const string DescriptionFile = "model.json";

    /// <summary>How errors name the save-the-model setting (the CLI maps it to its flag).</summary>
    public const string SaveModelSetting = "saveModel";

    /// <summary>The description of <paramref name="model"/>, the run's trained model, for model.json.</summary>
    internal static ModelDescription Describe(ExperimentConfig config, ImageDataset train, IBatchTransform transform, RunData data, nn.Module model)
    {
        var (c, h, w) = transform.OutputShape;
        var classes = train.ClassNames ?? Enumerable.Range(0, train.ClassCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new ModelDescription(config.Model, config.Dataset, classes, train.Channels, train.Height, train.Width, data.Pipeline,
            data.Normalization, c, h, w, ModelFactory.EvaluatesAverage(config.Model) ? "ema" : "trained", ModelFactory.ParameterCount(model),
            new Dictionary<string, string> { ["native"] = NativeFile, ["safetensors"] = SafetensorsFile });
    }

    internal static void Write(string folder, nn.Module<Tensor, Tensor> model, ModelDescription description)
    {
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, NativeFile));
        model.save_safetensors(Path.Combine(folder, SafetensorsFile));
        AtomicFile.WriteAllText(Path.Combine(folder, DescriptionFile), JsonSerializer.Serialize(description, RunOutputs.Json));
    }

    internal static ModelDescription ReadDescription(string folder)
    {
        var path = Path.Combine(folder, DescriptionFile);
        if (!File.Exists(path))
            throw new UserError($"{path}: no saved model in this run folder; train with this on (the default for `lessdata train`)", parameter: SaveModelSetting);
        try
        {
            return JsonSerializer.Deserialize<ModelDescription>(File.ReadAllText(path), RunOutputs.Json)
                ?? throw new UserError($"{path}: empty model description");
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: not a LessData model.json ({e.Message})");
        }
    }

    /// <summary>The saved model in evaluation mode, built from model.json and loaded from the native weights.</summary>
    internal static nn.Module<Tensor, Tensor> Load(string folder, ModelDescription d)
    {
        var weights = Path.Combine(folder, NativeFile);
        if (!File.Exists(weights)) throw new UserError($"{weights}: weights file not found");
        var model = ModelFactory.Create(d.Model, d.InputChannels, d.InputHeight, d.InputWidth, d.Classes.Count);
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidDataException or FormatException or OverflowException)
        {
            model.Dispose();
            throw new UserError($"{weights}: cannot read the weights ({Reason(e)}); the file is cut short or does not belong to "
                + $"this {DescriptionFile}: copy the run folder again, or train the run again", e);
        }
        model.eval();
        return model;
    }

    private static string Reason(Exception e) =>
        e is EndOfStreamException ? "it ends early" : e.Message.Split('\n')[0].TrimEnd('.');

    /// <summary>The run's test-time preprocessing, rebuilt from model.json.</summary>
    internal static IBatchTransform TestPipeline(ModelDescription d)
    {
        var transform = AugmentationFactory.For(d.Dataset, AugmentationPipeline.Parse(d.Pipeline), augment: false, d.Channels, d.Height, d.Width);
        return d.Normalization is null ? transform : new NormalizedTransform(transform, d.Normalization);
    }
}
