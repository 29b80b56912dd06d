using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LessData.Experiments;

/// <summary>
/// A run folder: run.json (config, provenance, epochs, totals; camelCase) and epochs.csv (the epoch rows), each written
/// atomically. Numbers are invariant-culture and round-trip exactly.
/// </summary>
public static class RunOutputs
{
    public const string RunFile = "run.json";
    public const string EpochsFile = "epochs.csv";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void Write(string folder, RunRecord record)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, RunFile), JsonSerializer.Serialize(record, Json));
        AtomicFile.WriteAllText(Path.Combine(folder, EpochsFile), Csv(record.Epochs));
    }

    public static RunRecord Read(string folder)
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

    public static string Csv(IEnumerable<EpochRecord> epochs)
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
