using System.Text.Json;
using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// The end-of-epoch checkpoint of one run, in a directory of its own: model, weight average, optimizer state,
/// the finished epoch rows and EMA update count, and the selection stage (its position and sample scores). Written to a temporary folder
/// and renamed, so a crash leaves either the previous checkpoint or the new one, never half of one.
/// </summary>
internal sealed class TrainingCheckpoint(string directory, Action? saved = null)
{
    /// <summary>The folder a complete checkpoint is in (what a store archives after <c>saved</c> is called).</summary>
    public static string CurrentFolder(string directory) => Path.Combine(directory, "checkpoint");

    private string Current => Path.Combine(directory, "checkpoint");

    private sealed record Position(List<EpochRecord> Epochs, long EmaUpdates);

    public bool Exists => File.Exists(Path.Combine(Current, "position.json"));

    public void Save(nn.Module model, WeightAverage ema, TorchSharp.Modules.OptimizerHelper optimizer, TrainingState state, SelectionStage stage)
    {
        var staging = Path.Combine(directory, "checkpoint.staging");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        model.save(Path.Combine(staging, "model.bin"));
        ema.Model.save(Path.Combine(staging, "ema.bin"));
        optimizer.save_state_dict(Path.Combine(staging, "optimizer.bin"));
        using (var selection = File.Create(Path.Combine(staging, "selection.json"))) stage.Save(selection);
        var position = new Position([.. state.Epochs], ema.Updates);
        File.WriteAllText(Path.Combine(staging, "position.json"), JsonSerializer.Serialize(position, s_json));

        var old = Path.Combine(directory, "checkpoint.old");
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(Current)) Directory.Move(Current, old);
        Directory.Move(staging, Current);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        saved?.Invoke();
    }

    /// <summary>
    /// Restores a saved checkpoint if there is one (falling back to the previous one after a crash mid-rename) and
    /// returns the restored selection stage; null when there is nothing to restore.
    /// </summary>
    public SelectionStage? TryRestore(nn.Module model, WeightAverage ema, TorchSharp.Modules.OptimizerHelper optimizer, TrainingState state, SelectionStage fresh)
    {
        var from = Exists ? Current : Path.Combine(directory, "checkpoint.old");
        if (!File.Exists(Path.Combine(from, "position.json"))) return null;
        var position = JsonSerializer.Deserialize<Position>(File.ReadAllText(Path.Combine(from, "position.json")), s_json)
            ?? throw new InvalidDataException($"empty checkpoint position in {from}");
        model.load(Path.Combine(from, "model.bin"));
        ema.Model.load(Path.Combine(from, "ema.bin"));
        optimizer.load_state_dict(Path.Combine(from, "optimizer.bin"));
        ema.Updates = position.EmaUpdates;
        state.Restore(position.Epochs);
        using var selection = File.OpenRead(Path.Combine(from, "selection.json"));
        var stage = SelectionStage.Load(selection, fresh.Selector);
        if (stage.TrainSize != fresh.TrainSize || stage.Schedule.Spec != fresh.Schedule.Spec)
            throw new InvalidDataException($"checkpoint in {from} belongs to another run ({stage.Schedule.Spec}, {stage.TrainSize} images)");
        return stage;
    }

    private static readonly JsonSerializerOptions s_json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
