using System.CommandLine;
using LessData.Experiments;
using LessData.Reports;

namespace LessData.Cli;

/// <summary>`lessdata report`: tables, plots, report.md/html and CSVs from a sweep store.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "SQLite results store", DefaultValueFactory = _ => "runs.db" };
        var outDir = new Option<string>("--out") { Description = "Report folder", DefaultValueFactory = _ => "report" };
        var command = new Command("report", "Write the paper-style report (tables, plots, CSV) of a sweep store") { store, outDir };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(store)!;
            if (!File.Exists(path)) throw new UserError($"{path}: store not found; run 'lessdata sweep --store {path}' first");
            using var runs = new RunStore(path);
            var written = ReportBuilder.Write(runs.ReadAll(), parse.GetValue(outDir)!, CommandLine.Current());
            foreach (var file in written) Console.WriteLine($"wrote {file}");
            return 0;
        });
        return command;
    }
}
