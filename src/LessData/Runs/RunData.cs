using LessData.Augmentation;
using LessData.Data.Folders;

namespace LessData.Runs;

/// <summary>
/// run.json "data": what the model was trained on, beyond the config: class names by label (folder datasets), the
/// augmentation pipeline used, the per-channel normalisation measured on the training split (folder datasets) and
/// what the folder loader read.
/// </summary>
internal sealed record RunData(IReadOnlyList<string>? Classes, string Pipeline, ChannelNormalization? Normalization, FolderSummary? Folder);
