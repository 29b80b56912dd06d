using System.CommandLine;
using LessData.Store;

namespace LessData.Cli;

/// <summary>`lessdata store copy FROM TO`: move a store between SQLite and PostgreSQL, every table, losslessly.</summary>
public static class StoreCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from") { Description = "Source store (SQLite path or PostgreSQL URL)" };
        var to = new Argument<string>("to") { Description = "Destination store; must be new or empty" };
        var copy = new Command("copy", "Copy a results store (runs, epochs, checkpoints, claim log) into another, empty one") { from, to };
        copy.SetAction(parse =>
        {
            var source = parse.GetValue(from)!;
            if (StoreLocation.Parse(source) is StoreLocation.Sqlite s && !File.Exists(s.Path)) throw new UserError($"{s.Path}: store not found");
            using var a = RunStore.Open(source);
            using var b = RunStore.Open(parse.GetValue(to)!);
            var rows = a.CopyTo(b);
            Console.WriteLine($"copied {a.Location} → {b.Location}: " + string.Join(", ", rows.Select(r => $"{r.Value} {r.Key}")));
            return 0;
        });
        return new Command("store", "Results store tools") { copy };
    }
}
