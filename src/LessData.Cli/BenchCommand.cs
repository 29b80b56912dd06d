using System.CommandLine;
using System.Globalization;
using LessData.Benchmarks;
using LessData.Runs;
using Spectre.Console;

namespace LessData.Cli;

/// <summary>`lessdata bench`: training throughput, phase shares, GFLOP/s vs GEMM, time-vs-evaluations fidelity, PyTorch ratio.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var outDir = SharedOptions.Out("Folder for bench.json", "bench-results");
        var compare = new Option<bool>("--compare-pytorch") { Description = "Also run the PyTorch reference (bench/reference) on the same step and check it is the same model" };
        var models = new Option<string[]>("--models") { Description = "Models to time (hvc:bf16 only by default where the CPU has native bf16)", DefaultValueFactory = _ => [.. BenchSettings.ModelsForThisCpu], AllowMultipleArgumentsPerToken = true };
        var threads = SharedOptions.ThreadCounts("Thread counts to time", [1, 2]);
        var iterations = new Option<int>("--iterations") { Description = "Timed steps per figure (median; at least 5)", DefaultValueFactory = _ => 5 };
        var noFidelity = new Option<bool>("--no-fidelity") { Description = "Skip the time-vs-evaluations runs (they need Fashion-MNIST)" };
        var fidelityEpochs = new Option<int>("--fidelity-epochs") { Description = "Epochs of each fidelity run", DefaultValueFactory = _ => 8 };
        var fidelityLimit = new Option<int>("--fidelity-limit") { Description = "Training images of each fidelity run", DefaultValueFactory = _ => 3000 };
        var fidelityRepeats = new Option<int>("--fidelity-repeats") { Description = "Interleaved repetitions of each fidelity run (median time)", DefaultValueFactory = _ => 3 };
        var fidelityTestLimit = new Option<int>("--fidelity-test-limit") { Description = "Test images of each fidelity run", DefaultValueFactory = _ => 500 };
        var dataset = SharedOptions.Dataset("Dataset of the fidelity runs", "fashion-mnist");
        var dataDir = SharedOptions.DataDir("Folder holding that dataset");
        var memory = new Option<bool>("--memory") { Description = "Also measure peak RSS per schedule, each training in its own process (opt-in: long)" };
        var memoryEpochs = new Option<int>("--memory-epochs") { Description = "Epochs of each memory run", DefaultValueFactory = _ => 200 };
        var memoryModel = new Option<string>("--memory-model") { Description = "Model of the memory runs", DefaultValueFactory = _ => "hvc-small" };
        var memoryLimit = new Option<int>("--memory-limit") { Description = "Training images of each memory run", DefaultValueFactory = _ => 1200 };
        var memorySchedules = new Option<string[]>("--memory-schedules") { Description = "Schedules of the memory runs (full is always run)", DefaultValueFactory = _ => [.. new BenchSettings().MemorySchedules], AllowMultipleArgumentsPerToken = true };
        var noConvPaths = new Option<bool>("--no-conv-paths") { Description = "Skip timing each model on both convolution paths (oneDNN and ATen's own kernels)" };
        var reference = new Option<string?>("--reference") { Description = "Path of hvc_reference.py (default: bench/reference/ of this checkout)" };
        var command = new Command("bench", "Benchmark training throughput, GFLOP/s and time-vs-evaluations fidelity (optionally against PyTorch)")
        { outDir, compare, models, threads, iterations, noFidelity, fidelityEpochs, fidelityLimit, fidelityTestLimit, fidelityRepeats, dataset, dataDir, memory, memoryEpochs, memoryModel, memoryLimit, memorySchedules, noConvPaths, reference };
        command.SetAction(parse =>
        {
            var defaults = new BenchSettings();
            var settings = defaults with
            {
                Models = parse.GetValue(models)!,
                Threads = Positive(parse.GetValue(threads)!, "--threads"),
                Iterations = parse.GetValue(iterations),
                Fidelity = !parse.GetValue(noFidelity),
                FidelityRepeats = parse.GetValue(fidelityRepeats),
                FidelityConfig = new()
                {
                    Experiment = defaults.FidelityConfig.Experiment with
                    {
                        Dataset = LessData.Data.DatasetSpec.Parse(parse.GetValue(dataset)!),
                        Epochs = parse.GetValue(fidelityEpochs),
                        TrainLimit = parse.GetValue(fidelityLimit),
                        TestLimit = parse.GetValue(fidelityTestLimit),
                    },
                    Environment = defaults.FidelityConfig.Environment with { DataDir = parse.GetValue(dataDir) },
                },
                ComparePytorch = parse.GetValue(compare),
                ConvPaths = !parse.GetValue(noConvPaths),
                Memory = parse.GetValue(memory),
                MemoryEpochs = parse.GetValue(memoryEpochs),
                MemoryModel = parse.GetValue(memoryModel)!,
                MemoryTrainLimit = parse.GetValue(memoryLimit),
                MemorySchedules = parse.GetValue(memorySchedules)!,
            };
            if (settings.Memory)
            {
                if (settings.MemoryEpochs < 1) throw new UserError($"--memory-epochs must be at least 1 (got {settings.MemoryEpochs})");
                foreach (var s in settings.MemorySchedules) LessData.Selection.Schedules.Parse(s);
                try { LessData.Models.ModelSpec.Parse(settings.MemoryModel); }
                catch (UserError e) { throw new UserError(e.Message, e); } // its own words, not --model's
            }
            // Flag checks live here, in the CLI; the bench library checks the same values in its own words.
            if (settings.Iterations < 5) throw new UserError($"--iterations must be at least 5 (got {settings.Iterations}): figures are medians of at least 5 timed steps");
            if (settings.Fidelity && settings.FidelityRepeats < 1) throw new UserError($"--fidelity-repeats must be at least 1 (got {settings.FidelityRepeats})");
            if (settings.Fidelity) RunPipeline.Validate(settings.FidelityConfig);
            var folder = parse.GetValue(outDir)!;
            RunOutputs.CheckWritable(folder); // before minutes of measuring
            var python = settings.ComparePytorch ? LocateReference(parse.GetValue(reference)) : null;
            var result = BenchSuite.Run(settings, python, CommandLine.Current(), line => Console.Error.WriteLine(line),
                schedule => TrainProcess(settings, schedule, Path.Combine(folder, "memory-runs", schedule.Replace(':', '_'))));
            Print(result);
            var path = result.Write(folder);
            Console.WriteLine($"wrote {path}");
            return result.ReferenceCheck is { Passed: false } ? 1 : 0;
        });
        return command;
    }

    /// <summary>This CLI's own `train`, in a new process, for one memory run (the memory model; the fidelity runs' dataset and test limit).</summary>
    private static System.Diagnostics.ProcessStartInfo TrainProcess(BenchSettings s, string schedule, string outDir)
    {
        var e = s.FidelityConfig.Experiment;
        var start = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
        foreach (var arg in new[] { typeof(BenchCommand).Assembly.Location, "train", "--dataset", e.Dataset, "--model", s.MemoryModel,
            "--schedule", schedule, "--epochs", s.MemoryEpochs.ToString(CultureInfo.InvariantCulture),
            "--train-limit", s.MemoryTrainLimit.ToString(CultureInfo.InvariantCulture), "--test-limit", (e.TestLimit ?? 200).ToString(CultureInfo.InvariantCulture),
            "--threads", s.Threads.Max().ToString(CultureInfo.InvariantCulture), "--seed", "1", "--out", outDir })
            start.ArgumentList.Add(arg);
        if (s.FidelityConfig.Environment.DataDir is { } dir) { start.ArgumentList.Add("--data-dir"); start.ArgumentList.Add(dir); }
        return start;
    }

    private static int[] Positive(int[] values, string flag) =>
        values.Length > 0 && values.All(v => v >= 1) ? values : throw new UserError($"{flag} needs one or more thread counts of at least 1");

    private static string LocateReference(string? path)
    {
        if (path is not null)
            return File.Exists(path) ? path : throw new UserError($"--reference {path}: file not found");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "bench", "reference", "hvc_reference.py") is var script && File.Exists(script))
                    return script;
        throw new UserError("bench/reference/hvc_reference.py not found; run from a LessData checkout or pass --reference PATH");
    }

    private static string F(double v, string format = "F1") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static void Print(BenchResult r)
    {
        var throughput = new Table().Border(TableBorder.Rounded).Title("training throughput (sequential step, median)")
            .AddColumns("model", "threads", "batch", "LessData img/s", "PyTorch img/s", "ratio", "GFLOP/s", "select+gather+augment share", "forward", "backward", "optimizer");
        foreach (var row in r.Throughput)
        {
            var peer = r.Pytorch?.FirstOrDefault(p => p.Model == row.Model && p.Threads == row.Threads);
            var p = row.Phases;
            throughput.AddRow(row.Model, row.Threads.ToString(CultureInfo.InvariantCulture), row.Batch.ToString(CultureInfo.InvariantCulture),
                F(row.ImagesPerSecond), peer is null ? "—" : F(peer.ImagesPerSecond), peer is null ? "—" : F(row.ImagesPerSecond / peer.ImagesPerSecond, "F2"),
                F(row.Gflops), F(p.PipelineShare * 100) + " %", F(p.Forward / p.Total * 100) + " %", F(p.Backward / p.Total * 100) + " %", F(p.Optimizer / p.Total * 100) + " %");
        }
        AnsiConsole.Write(throughput);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"achieved {r.Gflops:F1} GFLOP/s vs libtorch fp32 GEMM {r.GemmGflops:F1} GFLOP/s ({r.Gflops / r.GemmGflops:P0}); bf16 GEMM {(r.GemmBf16Gflops is { } g ? g.ToString("F1", CultureInfo.InvariantCulture) + " GFLOP/s" : "not timed (no native bf16)")}"));
        var head = BenchSuite.Headline(r.Throughput);
        if (r.RatioVsPytorch is { } ratio) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LessData / PyTorch ({head.Model}, {head.Threads} threads): {ratio:F2}"));
        if (r.RatioVsPytorchBf16 is { } ratioBf16) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LessData hvc:bf16 (opt-in) / PyTorch fp32 hvc ({head.Threads} threads): {ratioBf16:F2}"));
        if (r.ReferenceCheck is { } c)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reference check: parameters {c.LessDataParameters} vs {c.PytorchParameters}, max |Δoutput| {c.MaxAbsDiff:E2} (outputs up to {c.MaxAbsOutput:F3}): {(c.Passed ? "same model" : "MISMATCH")}"));
        if (r.Numerics is { } n) Console.WriteLine(n.Summary);
        if (r.ConvPaths is { Count: > 0 } pathRows)
        {
            var paths = new Table().Border(TableBorder.Rounded).Title("convolution paths: training throughput (median of alternating rounds)")
                .AddColumns("model", "threads", "oneDNN img/s", "ATen img/s", "ATen / oneDNN", "faster correct path");
            foreach (var p in pathRows)
                paths.AddRow(p.Model, p.Threads.ToString(CultureInfo.InvariantCulture), p.OneDnnImagesPerSecond is { } o ? F(o) : "wrong here", F(p.AtenImagesPerSecond),
                    p.AtenOverOneDnn is { } q ? F(q, "F3") : "—", p.AtenOverOneDnn is not { } aten ? "ATen (only correct one)" : aten > 1 ? "ATen (--conv-path aten)" : "oneDNN (default)");
            AnsiConsole.Write(paths);
        }
        if (r.Memory is { Count: > 0 } memoryRows)
        {
            var mem = new Table().Border(TableBorder.Rounded).Title($"memory: peak RSS over {memoryRows[0].Epochs} epochs, {memoryRows[0].TrainImages} images (target: within 10 % of full)")
                .AddColumns("schedule", "peak RSS MB", "RSS at end MB", "peak vs full");
            foreach (var m in memoryRows)
                mem.AddRow(m.Schedule, F(m.PeakRssMb, "F0"), F(m.EndRssMb, "F0"), F(m.RatioVsFull, "F3"));
            AnsiConsole.Write(mem);
        }
        if (r.Fidelity.Count == 0) return;
        var fidelity = new Table().Border(TableBorder.Rounded).Title("fidelity: training time follows evaluations?")
            .AddColumns("method", "evaluations", "train s", "evaluations ratio", "time ratio", "gap (points)", "select+wait share");
        foreach (var f in r.Fidelity)
            fidelity.AddRow(f.Method, f.Evaluations.ToString("N0", CultureInfo.InvariantCulture), F(f.TrainSeconds), F(f.EvaluationsRatio, "F3"),
                F(f.TimeRatio, "F3"), F(f.GapPoints), F(f.PipelineShare * 100, "F2") + " %");
        AnsiConsole.Write(fidelity);
    }
}
