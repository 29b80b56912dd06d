using System.CommandLine;

namespace LessData.Cli;

/// <summary>
/// The options several commands share, declared once: each command passes the help text that fits it (what goes in
/// the folder, which default applies), and the flag's name, type and arity live here.
/// </summary>
public static class SharedOptions
{
    /// <summary>--data-dir: the folder holding the datasets (optional).</summary>
    public static Option<string?> DataDir(string description) => new("--data-dir") { Description = description };

    /// <summary>--out: an output folder the command picks when it is not given.</summary>
    public static Option<string?> Out(string description) => new("--out") { Description = description };

    /// <summary>--out: an output folder with a fixed default.</summary>
    public static Option<string> Out(string description, string defaultFolder) =>
        new("--out") { Description = description, DefaultValueFactory = _ => defaultFolder };

    /// <summary>--threads: libtorch threads, when the command may leave them to each run.</summary>
    public static Option<int?> Threads(string description) => new("--threads") { Description = description };

    /// <summary>--threads: libtorch threads with a default (0: libtorch's own).</summary>
    public static Option<int> Threads(string description, int defaultThreads) =>
        new("--threads") { Description = description, DefaultValueFactory = _ => defaultThreads };

    /// <summary>--threads: several thread counts (bench times each).</summary>
    public static Option<int[]> ThreadCounts(string description, int[] defaults) =>
        new("--threads") { Description = description, DefaultValueFactory = _ => defaults, AllowMultipleArgumentsPerToken = true };

    /// <summary>--conv-path: the convolution kernels, when the command may leave them to each run.</summary>
    public static Option<LessData.Native.ConvolutionPath?> ConvPath(string description) => new("--conv-path") { Description = description };

    /// <summary>--conv-path: the convolution kernels, with a default.</summary>
    public static Option<LessData.Native.ConvolutionPath> ConvPath(string description, LessData.Native.ConvolutionPath defaultPath) =>
        new("--conv-path") { Description = description, DefaultValueFactory = _ => defaultPath };

    /// <summary>--dataset: one dataset, when the command has its own default (null: none given).</summary>
    public static Option<string?> Dataset(string description) => new("--dataset") { Description = description };

    /// <summary>--dataset: one dataset with a fixed default.</summary>
    public static Option<string> Dataset(string description, string defaultDataset) =>
        new("--dataset") { Description = description, DefaultValueFactory = _ => defaultDataset };

    /// <summary>--dataset: one or more datasets.</summary>
    public static Option<string[]> Datasets(string description, string[] defaults) =>
        new("--dataset") { Description = description, DefaultValueFactory = _ => defaults, AllowMultipleArgumentsPerToken = true };

    /// <summary>--dataset: one or more datasets, when the command has its own default (null: none given).</summary>
    public static Option<string[]?> Datasets(string description) =>
        new("--dataset") { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>--device: cpu or cuda, when the command may leave it to each run.</summary>
    public static Option<string?> Device(string description) => new("--device") { Description = description };

    /// <summary>--device: cpu or cuda, with a default.</summary>
    public static Option<string> Device(string description, string defaultDevice) =>
        new("--device") { Description = description, DefaultValueFactory = _ => defaultDevice };
}
