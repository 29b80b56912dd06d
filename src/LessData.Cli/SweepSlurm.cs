using System.CommandLine;
using System.Globalization;
using LessData.Cluster;
using LessData.Store;

namespace LessData.Cli;

/// <summary>
/// `lessdata sweep … --slurm`: the runs go into the store as usual, then one sbatch job array of workers is written
/// next to the store and submitted (or only written, with --slurm-dry-run). --slurm-wait follows the job to its end.
/// </summary>
public sealed class SweepSlurm
{
    private readonly Option<bool> _slurm = new("--slurm") { Description = "Plan the runs into the store, then submit one Slurm job array of workers" };
    private readonly Option<int> _tasks = new("--slurm-tasks") { Description = "Array size: workers started", DefaultValueFactory = _ => 4 };
    private readonly Option<string?> _time = new("--slurm-time") { Description = "Time limit per task (sbatch --time)" };
    private readonly Option<string?> _partition = new("--slurm-partition") { Description = "Partition" };
    private readonly Option<string?> _gres = new("--slurm-gres") { Description = "Generic resources per task, e.g. gpu:1" };
    private readonly Option<string?> _constraint = new("--slurm-constraint") { Description = "Node features, e.g. a100 (pins the sweep to one hardware class)" };
    private readonly Option<int> _cpus = new("--slurm-cpus") { Description = "CPUs per task", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _extra = new("--slurm-extra") { Description = "More sbatch flags, e.g. \"--account=x --qos=y\"" };
    private readonly Option<string?> _dir = new("--slurm-dir") { Description = "Where the script and logs go (default: next to the store)" };
    private readonly Option<bool> _dryRun = new("--slurm-dry-run") { Description = "Write the script, do not submit it" };
    private readonly Option<bool> _wait = new("--slurm-wait") { Description = "Wait for the job to end, then print the store's counts" };
    private readonly Option<string?> _device = new("--slurm-device") { Description = "--device for the workers (cpu | cuda)" };
    private readonly Option<int> _grace = new("--slurm-grace")
    {
        Description = $"Seconds before the time limit at which Slurm sends the workers SIGTERM (sbatch --signal=B:TERM@N)",
        DefaultValueFactory = _ => SlurmJob.DefaultSignalGrace,
    };

    public static SweepSlurm Options() => new();

    public IEnumerable<Option> All => [_slurm, _tasks, _time, _partition, _gres, _constraint, _cpus, _extra, _dir, _dryRun, _wait, _device, _grace];

    /// <summary>The job asked for (checked before anything is written), or null without --slurm.</summary>
    public SlurmJob? Job(ParseResult parse)
    {
        bool any = parse.GetValue(_slurm) || parse.GetValue(_dryRun);
        if (!any) return null;
        var job = new SlurmJob(parse.GetValue(_tasks), parse.GetValue(_time), parse.GetValue(_partition), parse.GetValue(_gres),
            parse.GetValue(_constraint), parse.GetValue(_extra), parse.GetValue(_cpus)) { SignalGrace = parse.GetValue(_grace) };
        job.Validate();
        job.ExtraFlags();
        if (parse.GetValue(_device) is { } d and not ("cpu" or "cuda")) throw new UserError($"--slurm-device must be cpu or cuda (got '{d}')");
        return job;
    }

    public int Submit(ParseResult parse, SlurmJob job, RunStore runs, IReadOnlyList<PlannedRun> planned, int? leaseSeconds, int? patienceSeconds)
    {
        int added = runs.Expand(planned);
        var (script, folder) = WriteScript(parse, job, runs, StoreLocation.Resolve(parse.GetValue(StoreOptionOf(parse))), "sweep", leaseSeconds, patienceSeconds);
        var counts = runs.Counts(planned.Select(p => p.Key));
        Console.WriteLine($"store {runs.Location}: {planned.Count} runs planned ({added} new); {counts[RunStatus.Completed]} already completed, {counts[RunStatus.Pending]} pending");
        if (parse.GetValue(_dryRun))
        {
            Console.WriteLine($"script {script} (not submitted: --slurm-dry-run)");
            return 0;
        }
        var id = SlurmJob.Submit(script);
        Console.WriteLine($"submitted job {id}: {job.Tasks} array tasks; script {script}");
        Console.WriteLine($"follow it with: lessdata sweep status --store <store>   (logs in {folder})");
        if (!parse.GetValue(_wait)) return 0;
        while (SlurmJob.Active(id)) Thread.Sleep(TimeSpan.FromSeconds(3));
        counts = runs.Counts(planned.Select(p => p.Key));
        Console.WriteLine($"job {id} ended: {counts[RunStatus.Completed]} completed, {counts[RunStatus.Failed]} failed, {counts[RunStatus.Running]} running, {counts[RunStatus.Pending]} pending");
        return counts[RunStatus.Completed] == planned.Count ? 0 : 1;
    }

    /// <summary>
    /// `tune`: one round's runs (already in the store at <paramref name="storeLocation"/>) as a job array of workers:
    /// writes the script and submits it; returns the job id, or null with --slurm-dry-run (the script is only written).
    /// </summary>
    public string? SubmitRound(ParseResult parse, SlurmJob job, RunStore runs, string storeLocation, int? leaseSeconds, int? patienceSeconds)
    {
        var (script, folder) = WriteScript(parse, job, runs, storeLocation, "tune", leaseSeconds, patienceSeconds);
        if (parse.GetValue(_dryRun))
        {
            Console.WriteLine($"script {script} (not submitted: --slurm-dry-run)");
            return null;
        }
        var id = SlurmJob.Submit(script);
        Console.WriteLine($"submitted job {id}: {job.Tasks} array tasks; script {script}; logs in {folder}");
        return id;
    }

    private (string Script, string Folder) WriteScript(ParseResult parse, SlurmJob job, RunStore runs, string storeLocation, string kind, int? leaseSeconds, int? patienceSeconds)
    {
        var folder = Path.GetFullPath(parse.GetValue(_dir) ?? (StoreLocation.Parse(storeLocation) is StoreLocation.Sqlite s ? s.Path + ".slurm" : runs.SideFolder));
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, $"{kind}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.sbatch");
        var worker = WorkerCommandLine(leaseSeconds, patienceSeconds, parse.GetValue(_device));
        File.WriteAllText(script, job.Script(storeLocation, worker, folder, CommandLine.Current()));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // it holds the store's password
        return (script, folder);
    }

    private static Option<string?> StoreOptionOf(ParseResult parse) =>
        (Option<string?>)parse.CommandResult.Command.Options.First(o => o.Name == "--store");

    /// <summary>How to start this same CLI as a worker: the apphost, or dotnet and this assembly.</summary>
    private static List<string> WorkerCommandLine(int? leaseSeconds, int? patienceSeconds, string? device)
    {
        var dll = typeof(SweepSlurm).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        List<string> line = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, dll] : [Path.Combine(AppContext.BaseDirectory, "LessData.Cli"), ];
        if (line.Count == 1 && !File.Exists(line[0])) line = ["dotnet", dll];
        line.Add("worker");
        if (StoreOptions.LeaseOf(leaseSeconds) is { } lease) { line.Add("--lease"); line.Add(((int)lease.TotalSeconds).ToString(CultureInfo.InvariantCulture)); }
        if (patienceSeconds is { } p) { line.Add("--store-patience"); line.Add(p.ToString(CultureInfo.InvariantCulture)); }
        if (device is not null) { line.Add("--device"); line.Add(device); }
        return line;
    }
}
