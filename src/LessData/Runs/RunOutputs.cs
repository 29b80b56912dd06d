using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LessData.Training;

namespace LessData.Runs;

/// <summary>
/// A run folder: run.json (config, provenance, epochs, totals; camelCase) and epochs.csv (the epoch rows), each written
/// atomically. Numbers are invariant-culture and round-trip exactly.
/// </summary>
public static class RunOutputs
{
    internal const string RunFile = "run.json";
    internal const string EpochsFile = "epochs.csv";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters =
        {
            new TrainConfigJsonConverter(), new ScheduleJsonConverter(), new SelectorJsonConverter(),
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
        },
    };

    /// <summary>Writes a run's run.json and epochs.csv into <paramref name="folder"/> (atomically, each file whole or absent).</summary>
    /// <param name="folder">An existing folder.</param>
    /// <param name="record">The run.</param>
    public static void Write(string folder, RunRecord record)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, RunFile), JsonSerializer.Serialize(record, Json));
        AtomicFile.WriteAllText(Path.Combine(folder, EpochsFile), Csv(record.Epochs));
    }

    /// <summary>The parameter name <see cref="CheckWritable"/> reports its errors under.</summary>
    public const string OutputFolder = "outputFolder";

    /// <summary>
    /// Checks, before any data is loaded, that a run folder can be written: not an existing file, creatable, writable.
    /// A run's results are never lost to a late I/O failure.
    /// </summary>
    public static void CheckWritable(string folder)
    {
        if (File.Exists(folder)) throw new UserError($"{folder} is an existing file; give a folder path (it is created if missing)", parameter: OutputFolder);
        foreach (var name in new[] { RunFile, EpochsFile })
            if (Directory.Exists(Path.Combine(folder, name))) throw new UserError($"{folder}: {name} there is a folder, so the results could not be written; choose another output folder", parameter: OutputFolder);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".lessdata-write-check.{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{folder} cannot be written ({e.Message}); choose a folder you can write to", e, OutputFolder);
        }
    }

    internal static RunRecord Read(string folder)
    {
        var path = Directory.Exists(folder) ? Path.Combine(folder, RunFile) : folder;
        if (!File.Exists(path)) throw new UserError($"{path}: run file not found");
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json)
                ?? throw new UserError($"{path}: empty run file");
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: not a LessData run.json ({e.Message})");
        }
    }

    /// <summary>top1 = per-epoch curve (test split as limited); finalTop1 = full test split, final window only (else empty).</summary>
    public const string CsvHeader = "epoch,fraction,images,evaluations,trainLoss,top1,seconds,lr,finalTop1,trainKwh,kwh,wallSeconds";

    internal static string Csv(IEnumerable<EpochRecord> epochs)
    {
        var sb = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var e in epochs)
            sb.AppendJoin(',', Format(e.Epoch), Format(e.Fraction), Format(e.Images), Format(e.Evaluations), Format(e.TrainLoss),
                Format(e.Top1), Format(e.Seconds), Format(e.Lr), e.FinalTop1 is { } f ? Format(f) : "", Format(e.TrainKwh), Format(e.Kwh),
                Format(e.WallSeconds)).Append('\n');
        return sb.ToString();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
