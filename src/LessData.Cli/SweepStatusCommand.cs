using System.CommandLine;
using System.Globalization;
using LessData.Store;

namespace LessData.Cli;

/// <summary>`lessdata sweep status`: counts by state, who runs what (host, pid, epoch, heartbeat), failures, and an ETA.</summary>
public static class SweepStatusCommand
{
    public static Command Create()
    {
        var store = StoreOptions.Store();
        var command = new Command("status", "Show a store's runs: counts, running runs with host/pid/epoch/heartbeat, failures, ETA") { store };
        command.SetAction(parse =>
        {
            using var runs = StoreOptions.OpenExisting(parse.GetValue(store));
            var rows = runs.Activity();
            int Count(RunStatus s) => rows.Count(r => r.Status == s);
            Console.WriteLine($"store {runs.Location}: {rows.Count} runs — {Count(RunStatus.Completed)} completed, {Count(RunStatus.Running)} running, {Count(RunStatus.Pending)} pending, {Count(RunStatus.Failed)} failed");
            var now = DateTime.UtcNow;
            foreach (var r in rows.Where(r => r.Status == RunStatus.Running))
            {
                string beat = r.Heartbeat is null ? "no heartbeat" : $"heartbeat {Ago(now, r.Heartbeat)} ago";
                Console.WriteLine($"  running #{r.Id} {r.Dataset} {r.ExperimentId} trial {r.Trial + 1}: host {r.OwnerHost} pid {r.OwnerPid}, epoch {r.Epoch ?? 0}/{r.Epochs}, {beat}");
            }
            foreach (var r in rows.Where(r => r.Status == RunStatus.Failed))
                Console.WriteLine($"  failed #{r.Id} {r.Dataset} {r.ExperimentId} trial {r.Trial + 1}: {r.Error}");
            var done = rows.Where(r => r.Status == RunStatus.Completed && r.Started is not null && r.Finished is not null)
                .Select(r => (Parse(r.Finished!) - Parse(r.Started!)).TotalSeconds).ToList();
            int left = Count(RunStatus.Pending) + Count(RunStatus.Running);
            int workers = Math.Max(1, rows.Where(r => r.Status == RunStatus.Running).Select(r => r.Owner).Distinct().Count());
            Console.WriteLine(left == 0 ? "nothing left to run"
                : done.Count == 0 ? $"{left} runs left; ETA unknown until a run completes"
                : string.Create(CultureInfo.InvariantCulture, $"{left} runs left; ETA {TimeSpan.FromSeconds(done.Average() * left / workers):hh\\:mm\\:ss} at {done.Average():0.#} s per run and {workers} worker(s) busy"));
            return 0;
        });
        return command;
    }

    private static DateTime Parse(string stamp) => DateTime.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Ago(DateTime now, string stamp) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (now - Parse(stamp)).TotalSeconds):0} s");
}
