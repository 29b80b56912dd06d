using System.CommandLine;
using LessData.Reports;
using LessData.Statistics;
using LessData.Sweeps;

namespace LessData.Cli;

/// <summary>`lessdata report`: tables, plots, report.md/html and CSVs from a sweep store.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var store = StoreOptions.Store();
        var outDir = SharedOptions.Out("Report folder", "report");
        var plan = new Option<string?>("--plan") { Description = "Only the cells of this plan (a built-in plan name or a plan file), e.g. paper" };
        var margin = new Option<double>("--margin") { Description = "Non-inferiority margin in points of top-1 for the verdicts", DefaultValueFactory = _ => NonInferiority.DefaultMargin };
        var finalTop1 = FinalTop1Option.Create();
        var command = new Command("report", "Write the paper-style report (tables, plots, CSV) of a sweep store") { store, outDir, plan, margin, finalTop1 };
        command.SetAction(parse =>
        {
            if (!(parse.GetValue(margin) > 0)) throw new UserError("--margin must be a positive number of points");
            using var runs = StoreOptions.OpenExisting(parse.GetValue(store));
            var path = runs.Location;
            var only = parse.GetValue(plan) is { } name ? SweepPlans.Get(name).Select(c => c.Id).ToHashSet() : null;
            var written = ReportBuilder.Write(runs, only, parse.GetValue(outDir)!, CommandLine.Current(), parse.GetValue(margin), FinalTop1Option.Get(parse, finalTop1))
                ?? throw new UserError($"{path}: no runs of the cells of plan '{parse.GetValue(plan)}'; run 'lessdata sweep --plan {parse.GetValue(plan)} --store {path}' first");
            foreach (var file in written) Console.WriteLine($"wrote {file}");
            return 0;
        });
        return command;
    }
}
