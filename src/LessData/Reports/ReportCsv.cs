using System.Globalization;
using System.Text;
using LessData.Store;

namespace LessData.Reports;

/// <summary>runs.csv (one row per run, every status) and epochs.csv (one row per epoch of completed runs), for pandas.</summary>
internal static class ReportCsv
{
    public static string Runs(IEnumerable<SweepRun> runs)
    {
        var sb = new StringBuilder("dataset,profile,plan,experiment,spec,trial,seed,status,evaluations,trainSeconds,totalSeconds,top1,top1StdErr,finalTestImages,finalWindow,bestTop1,energyKwh,co2Grams,trainEnergyKwh,trainCo2Grams,energySource,error\n");
        foreach (var r in runs)
        {
            var t = r.Record?.Totals;
            sb.AppendJoin(',', Q(r.Dataset), Q(r.Profile), Q(r.Plan), Q(r.ExperimentId), Q(r.Spec), N(r.Trial), N(r.Seed), Q(r.Status.ToString().ToLowerInvariant()),
                t is null ? "" : N(t.Evaluations), t is null ? "" : N(t.TrainSeconds), t is null ? "" : N(t.TotalSeconds), t is null ? "" : N(t.Top1),
                t is null ? "" : N(t.Top1StdErr), t is null ? "" : N(t.FinalTestImages), t is null ? "" : N(t.FinalWindow),
                t is null ? "" : N(t.BestTop1), t is null ? "" : N(t.EnergyKwh), t is null ? "" : N(t.Co2Grams),
                t is null ? "" : N(t.TrainEnergyKwh), t is null ? "" : N(t.TrainCo2Grams), Q(t?.EnergySource ?? ""), Q(r.Error ?? "")).Append('\n');
        }
        return sb.ToString();
    }

    public static string Epochs(IEnumerable<SweepRun> runs)
    {
        var sb = new StringBuilder("dataset,profile,experiment,spec,trial,seed,epoch,fraction,images,evaluations,trainLoss,top1,seconds,lr,finalTop1\n");
        foreach (var r in runs.Where(r => r.Record is not null))
            foreach (var e in r.Record!.Epochs)
                sb.AppendJoin(',', Q(r.Dataset), Q(r.Profile), Q(r.ExperimentId), Q(r.Spec), N(r.Trial), N(r.Seed), N(e.Epoch), N(e.Fraction), N(e.Images),
                    N(e.Evaluations), N(e.TrainLoss), N(e.Top1), N(e.Seconds), N(e.Lr), e.FinalTop1 is { } f ? N(f) : "").Append('\n');
        return sb.ToString();
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Q(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
