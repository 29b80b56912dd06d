using LessData.Training;

namespace LessData.Runs;

/// <summary>
/// One run that survives interruption: its folder is also its checkpoint folder (checkpoint/ after every epoch), and
/// run.json and epochs.csv are rewritten after every epoch with status running. A stop request ends it after the
/// current batch with status interrupted (<see cref="RunInterruptedException"/>); <see cref="Continue"/> then carries on
/// from the last finished epoch and gives the same epochs as an uninterrupted run. On completion the checkpoint is
/// deleted (the saved model, when asked for, is in the folder).
/// </summary>
public static class ResumableRun
{
    /// <summary>The parameter name errors about the folder to resume are reported under.</summary>
    public const string ResumeFolder = "resumeFolder";

    /// <summary>Starts a new run in <paramref name="folder"/>; refuses a folder holding an unfinished run's checkpoint.</summary>
    public static RunRecord Start(TrainConfig config, string folder, ITrainingObserver observer, CancellationToken cancel, string commandLine = "")
    {
        RunPipeline.Validate(config);
        RunOutputs.CheckWritable(folder);
        if (HasCheckpoint(folder))
            throw new UserError($"{folder} holds the checkpoint of an unfinished run; resume that run, or choose another output folder", parameter: RunOutputs.OutputFolder);
        return Finish(folder, RunPipeline.RunCore(config, folder, observer, cancel, folder, commandLine, null, journalFrom: []).Record);
    }

    /// <summary>
    /// The run recorded in <paramref name="folder"/>, checked to be one that can continue: run.json is there, the run
    /// is not completed, and its checkpoint is there (unless no epoch had finished, when it starts over).
    /// </summary>
    public static RunRecord Open(string folder)
    {
        if (!File.Exists(Path.Combine(folder, RunOutputs.RunFile)))
            throw new UserError($"{folder} has no {RunOutputs.RunFile}, so there is no run to resume; give the folder of a run that was interrupted", parameter: ResumeFolder);
        var record = RunOutputs.Read(folder);
        int total = record.Config.Experiment.Epochs;
        if (record.Status is null or RunState.Completed)
            throw new UserError($"{folder}: the run there is already completed ({record.Epochs.Count} of {total} epochs); there is nothing to resume", parameter: ResumeFolder);
        if (record.Epochs.Count > 0 && !HasCheckpoint(folder))
            throw new UserError($"{folder} has no checkpoint (checkpoint/ is missing), so its run cannot continue; train it again into a new folder", parameter: ResumeFolder);
        return record;
    }

    /// <summary>
    /// Continues the run <see cref="Open"/> returned, from its last finished epoch: the recorded experiment, in
    /// <paramref name="environment"/> (the recorded one, or another: threads, data folder, ...).
    /// </summary>
    public static RunRecord Continue(string folder, RunRecord saved, RunEnvironment environment, ITrainingObserver observer, CancellationToken cancel, string commandLine = "")
    {
        string original = saved.Provenance.CommandLine;
        string line = original.Length == 0 ? commandLine : $"{original}; resumed by: {commandLine}";
        var earlier = HasCheckpoint(folder) ? saved.Epochs : [];
        var config = saved.Config with { Environment = environment };
        return Finish(folder, RunPipeline.RunCore(config, folder, observer, cancel, folder, line, null, journalFrom: earlier).Record);
    }

    /// <summary>A whole checkpoint is in the folder (or its previous one, after a crash during the rename).</summary>
    public static bool HasCheckpoint(string folder) =>
        new TrainingCheckpoint(folder).Exists || File.Exists(Path.Combine(folder, "checkpoint.old", "position.json"));

    private static RunRecord Finish(string folder, RunRecord record)
    {
        foreach (var name in new[] { "checkpoint", "checkpoint.old", "checkpoint.staging" })
        {
            var path = Path.Combine(folder, name);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        return record;
    }
}
