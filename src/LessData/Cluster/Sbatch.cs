using System.ComponentModel;
using System.Diagnostics;

namespace LessData.Cluster;

/// <summary>Submits a batch script with `sbatch --parsable` and asks `squeue` whether a job is still queued or running.</summary>
internal static class Sbatch
{
    /// <summary>The job id sbatch answered.</summary>
    public static string Submit(string script)
    {
        var (code, output, error) = Run("sbatch", "--parsable", script);
        if (code != 0) throw new UserError($"sbatch refused {script}: {error.Trim()}");
        var id = output.Trim().Split(';')[0];
        if (id.Length == 0 || !id.All(char.IsAsciiDigit)) throw new UserError($"sbatch answered '{output.Trim()}', not a job id");
        return id;
    }

    /// <summary>True while any task of the job is pending or running.</summary>
    public static bool Active(string jobId)
    {
        var (code, output, _) = Run("squeue", "-h", "-j", jobId, "-o", "%i");
        return code == 0 && output.Trim().Length > 0;
    }

    private static (int Code, string Output, string Error) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output.Result, error);
        }
        catch (Win32Exception)
        {
            throw new UserError($"only writes the script, without {program}, which is not found here: use it, or run this on a Slurm login node", parameter: "slurmDryRun");
        }
    }
}
