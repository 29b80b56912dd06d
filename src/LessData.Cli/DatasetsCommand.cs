using System.CommandLine;
using LessData.Data;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>`lessdata datasets`: each dataset, where it was found, and a verify result. Never downloads.</summary>
public static class DatasetsCommand
{
    public static Command Create()
    {
        var dataDir = SharedOptions.DataDir("Also look in this folder first");
        var command = new Command("datasets", "List the datasets, where each was found, and whether it verifies") { dataDir };
        command.SetAction(parse =>
        {
            var options = DataOptions.FromEnvironment(parse.GetValue(dataDir));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("dataset", "found in", "folder", "verify");
            var rows = DatasetStatus.InspectAll(options);
            foreach (var r in rows)
                table.AddRow(r.Name, FlagNames.For(r.Source), Markup.Escape(r.Folder ?? "-"), (r.Ok ? "[green]" : "[yellow]") + Markup.Escape(r.Verify) + "[/]");
            AnsiConsole.Write(table);
            Console.WriteLine("Search order: --data-dir, $LESSDATA_DATA, " + options.CacheRoot + ", " + string.Join(", ", options.SystemRoots) + ", then download.");
            return 0;
        });
        return command;
    }
}
