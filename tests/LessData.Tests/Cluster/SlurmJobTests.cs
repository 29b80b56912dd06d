using LessData.Cluster;

namespace LessData.Tests.Cluster;

public sealed class SlurmJobTests
{
    [Fact]
    public void Script_IsOneJobArrayOfWorkers_WithEveryRequestedFlag()
    {
        var job = new SlurmJob(3, Time: "02:00:00", Partition: "gpu", Gres: "gpu:1", Constraint: "a100", Extra: "--account=proj --qos=low", CpusPerTask: 4);

        var script = job.Script("postgres://u:p@h/db", ["/usr/bin/dotnet", "/opt/lessdata/LessData.Cli.dll", "worker", "--lease", "60"], "/logs", "./lessdata sweep …");

        script.Should().StartWith("#!/bin/bash\n")
            .And.Contain("#SBATCH --array=0-2\n").And.Contain("#SBATCH --time=02:00:00\n").And.Contain("#SBATCH --partition=gpu\n")
            .And.Contain("#SBATCH --gres=gpu:1\n").And.Contain("#SBATCH --constraint=a100\n").And.Contain("#SBATCH --cpus-per-task=4\n")
            .And.Contain("#SBATCH --account=proj\n").And.Contain("#SBATCH --qos=low\n").And.Contain("#SBATCH --output=/logs/%x-%A_%a.out\n")
            .And.Contain("export LESSDATA_STORE='postgres://u:p@h/db'\n")
            .And.EndWith("exec '/usr/bin/dotnet' '/opt/lessdata/LessData.Cli.dll' 'worker' '--lease' '60' --store \"$LESSDATA_STORE\"\n");
    }

    [Fact]
    public void Script_SignalsTheWorkerItself_BeforeTheTimeLimit()
    {
        // Slurm 22.05 sbatch(1): "B:" signals only the batch shell; without it, only job steps (our worker runs none)
        var script = new SlurmJob(1, Time: "01:00:00") { SignalGrace = 90 }.Script("s", ["w"], "/l", "c");

        script.Should().Contain("#SBATCH --signal=B:TERM@90\n");
        script.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Last().Should().StartWith("exec ", "the worker replaces the batch shell, so the shell's signal is the worker's");
        new SlurmJob(1).Script("s", ["w"], "/l", "c").Should().Contain($"#SBATCH --signal=B:TERM@{SlurmJob.DefaultSignalGrace}\n");
    }

    [Fact]
    public void Grace_OutsideSlurmsRange_IsRefused() =>
        FluentActions.Invoking(() => new SlurmJob(1) { SignalGrace = 70000 }.Script("s", ["w"], "/l", "c"))
            .Should().Throw<LessData.UserError>().Which.Parameter.Should().Be("slurmGrace");

    [Theory]
    [InlineData(0, null, null, "slurmTasks")]
    [InlineData(2, "1:00; rm -rf /", null, "slurmTime")]
    [InlineData(2, null, "account=x", "slurmExtra")]
    public void BadOptions_AreRefusedBeforeAnythingIsWritten(int tasks, string? time, string? extra, string parameter) =>
        FluentActions.Invoking(() => new SlurmJob(tasks, Time: time, Extra: extra).Script("s", ["w"], "/l", "c"))
            .Should().Throw<LessData.UserError>().Which.Parameter.Should().Be(parameter);

    [Fact]
    public void Quote_SurvivesSingleQuotes() => SlurmJob.Quote("it's").Should().Be("'it'\\''s'");
}
