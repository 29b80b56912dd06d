using LessData.Cli;
using LessData.FaultHost;
using LessData.Store;

// The integration tests start this host instead of the CLI: the same commands, with the node name from
// LESSDATA_HOST and the fault injector from LESSDATA_FAULT_PAUSE (see PauseAtFault). Shipped code reads neither.
var host = Environment.GetEnvironmentVariable("LESSDATA_HOST") is { Length: > 0 } h ? h : WorkerSeams.Production.Host;
var faults = PauseAtFault.FromEnvironment() ?? WorkerSeams.Production.Faults;
return CliApp.Run(args, new WorkerSeams(host, faults));
