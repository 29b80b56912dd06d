namespace LessData.Runs;

/// <summary>
/// What run.json's "status" says about a run folder written by a resumable run: still <see cref="Running"/> (rewritten
/// after every epoch), <see cref="Interrupted"/> by a stop request, <see cref="Completed"/>, or <see cref="Failed"/>
/// (the record's failure says why). A run.json without a status was written by an older version, only at the end:
/// it is a completed run.
/// </summary>
internal enum RunState
{
    Running,
    Interrupted,
    Completed,
    Failed,
}
