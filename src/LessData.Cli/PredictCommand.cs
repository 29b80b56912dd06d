using System.CommandLine;
using System.Globalization;
using LessData.Runs;

namespace LessData.Cli;

/// <summary>`lessdata predict --run DIR IMAGE...`: the top-k classes with probabilities for each image.</summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Run folder with a saved model (model.json, model.bin)", Required = true };
        var top = new Option<int>("--top") { Description = "How many classes to show per image", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "One JSON line per image with every class probability (full precision)" };
        var images = new Argument<string[]>("images") { Description = "Image files (PNG, JPEG, BMP, GIF, WebP, ...)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("predict", "Classify image files with a run's saved model, using the run's own preprocessing") { run, top, json, images };
        command.SetAction(parse =>
        {
            int k = parse.GetValue(top);
            if (k < 1) throw new UserError($"--top must be at least 1 (got {k})");
            var files = parse.GetValue(images)!;
            var (classes, probabilities) = SavedRun.Predict(parse.GetValue(run)!, files);
            for (int i = 0; i < files.Length; i++)
            {
                if (parse.GetValue(json))
                {
                    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { file = files[i], classes, probabilities = probabilities[i] }));
                    continue;
                }
                var ranked = probabilities[i].Select((p, c) => (p, c)).OrderByDescending(x => x.p).ThenBy(x => x.c).Take(k);
                Console.WriteLine(files[i] + ": " + string.Join(", ", ranked.Select(x =>
                    string.Create(CultureInfo.InvariantCulture, $"{classes[x.c]} {x.p:F4}"))));
            }
            return 0;
        });
        return command;
    }
}
