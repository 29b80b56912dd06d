using System.CommandLine;
using LessData.Comparison;

namespace LessData.Cli;

/// <summary>--final-top1 full-data|window, shared by compare and report: which final top-1 the comparison reads.</summary>
public static class FinalTop1Option
{
    public static Option<string> Create() => new("--final-top1")
    {
        Description = "Final top-1 read for comparisons: full-data (default: the final window's epochs in which both runs trained on all images) or window (each run's own window mean)",
        DefaultValueFactory = _ => "full-data",
    };

    public static FinalTop1Reading Get(ParseResult parse, Option<string> option)
    {
        var text = parse.GetValue(option)!;
        return FinalTop1.Parse(text) ?? throw new UserError($"--final-top1 must be full-data or window (got '{text}')");
    }
}
