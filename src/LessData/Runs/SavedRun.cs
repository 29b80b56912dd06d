using LessData.Data;
using LessData.Data.Folders;
using LessData.Models;
using LessData.Native;
using LessData.Statistics;
using LessData.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Runs;

/// <summary>
/// Uses a run folder's saved model: evaluate it on a test split (the run's own, or another dataset with the same
/// classes and image shape) or classify image files, always with the run's own preprocessing (model.json).
/// </summary>
public static class SavedRun
{
    /// <summary>The confusion matrix of the saved model on the test split of the run's dataset (or <paramref name="dataset"/>).</summary>
    public static (ConfusionMatrix Matrix, RunRecord Record) Evaluate(string runDir, string? dataset, ITrainingObserver observer)
    {
        var record = RunOutputs.Read(runDir);
        var description = ModelArtifact.ReadDescription(runDir);
        var config = record.Config with { Experiment = record.Config.Experiment with { Dataset = dataset is null ? record.Config.Experiment.Dataset : DatasetSpec.Parse(dataset) } };
        RunPipeline.Validate(config);
        TorchRuntime.EnsureLoaded();
        var (train, test, full, _) = RunPipeline.LoadSplits(config, observer);
        train.Dispose();
        full?.Dispose(); // evaluate uses the run's per-epoch test split, whose top-1 run.json's epochs record
        using (test)
        {
            if ((test.Channels, test.Height, test.Width) != (description.Channels, description.Height, description.Width))
                throw new UserError($"{config.Experiment.Dataset}: images are {test.Channels}x{test.Height}x{test.Width}, the model in {runDir} takes {description.Channels}x{description.Height}x{description.Width}; give the run's image size and channels");
            var classes = test.ClassNames ?? Enumerable.Range(0, test.ClassCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (!classes.SequenceEqual(description.Classes, StringComparer.Ordinal))
                throw new UserError($"{config.Experiment.Dataset}: classes ({string.Join(", ", classes)}) differ from the model's ({string.Join(", ", description.Classes)})");
            using var model = ModelArtifact.Load(runDir, description);
            var predicted = Predictor.Classes(model, test, ModelArtifact.TestPipeline(description));
            return (ConfusionMatrix.From(description.Classes, test.Labels, predicted), record);
        }
    }

    /// <summary>The model's class names and each image's class probabilities (in that order), decoded and preprocessed as in the run.</summary>
    public static (IReadOnlyList<string> Classes, IReadOnlyList<double[]> Probabilities) Predict(string runDir, IReadOnlyList<string> images)
    {
        var description = ModelArtifact.ReadDescription(runDir);
        if (images.Count == 0) throw new UserError("give at least one image file to classify");
        var size = new ImageSize(description.Height, description.Width);
        int plane = size.Height * size.Width;
        var rgb = new byte[images.Count * 3 * plane];
        for (int i = 0; i < images.Count; i++)
        {
            if (!File.Exists(images[i])) throw new UserError($"{images[i]}: file not found");
            var (_, problem) = ImageFileReader.Decode(images[i], size, rgb.AsSpan(i * 3 * plane, 3 * plane));
            if (problem is not null) throw new UserError($"{images[i]}: {problem}");
        }
        var pixels = ChannelConversion.Convert(rgb, 3, description.Channels, plane);
        TorchRuntime.EnsureLoaded();
        using var model = ModelArtifact.Load(runDir, description);
        using var batch = torch.tensor(pixels, [images.Count, description.Channels, size.Height, size.Width], dtype: ScalarType.Byte);
        return (description.Classes, Predictor.Probabilities(model, batch, ModelArtifact.TestPipeline(description)));
    }
}
