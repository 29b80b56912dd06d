using System.CommandLine;
using System.Globalization;
using LessData.Reports;
using LessData.Runs;
using LessData.Statistics;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>`lessdata evaluate --run DIR [--dataset ...]`: the saved model's top-1 and confusion matrix (table + PNG).</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Run folder with run.json and a saved model (model.json, model.bin)", Required = true };
        var dataset = SharedOptions.Dataset("Evaluate on this dataset's test split (default: the run's)");
        var plot = new Option<string?>("--plot") { Description = "PNG heat map path (default: DIR/confusion.png)" };
        var command = new Command("evaluate", "Evaluate a run's saved model: top-1 and the per-class confusion matrix") { run, dataset, plot };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(run)!;
            var (matrix, record) = ProgressDisplay.Run("evaluate", observer => SavedRun.Evaluate(dir, parse.GetValue(dataset), observer));
            Print(matrix);
            var png = ConfusionPlot.Write(matrix, parse.GetValue(plot) ?? Path.Combine(dir, "confusion.png"), $"{record.Config.Experiment.Model} on {parse.GetValue(dataset) ?? record.Config.Experiment.Dataset}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"top-1 {matrix.Top1 * 100:F2}% ({matrix.Correct}/{matrix.Total}); run.json last epoch: {(record.Epochs.Count > 0 ? record.Epochs[^1].Top1 * 100 : double.NaN):F2}%"));
            Console.WriteLine($"wrote {png}");
            return 0;
        });
        return command;
    }

    private static void Print(ConfusionMatrix m)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("confusion matrix (rows: true, columns: predicted)");
        table.AddColumn("true \\ predicted");
        for (int p = 0; p < m.Classes.Count; p++) table.AddColumn(new TableColumn(p.ToString(CultureInfo.InvariantCulture)).RightAligned());
        table.AddColumn(new TableColumn("recall").RightAligned());
        for (int t = 0; t < m.Classes.Count; t++)
        {
            var cells = new List<string> { Markup.Escape($"{t} {m.Classes[t]}") };
            for (int p = 0; p < m.Classes.Count; p++)
            {
                var n = m.Counts[t, p].ToString(CultureInfo.InvariantCulture);
                cells.Add(p == t ? $"[bold]{n}[/]" : n);
            }
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{m.Recall(t) * 100:F1}%"));
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
    }
}
