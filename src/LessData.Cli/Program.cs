using LessData.Cli;
using LessData.Store;

return CliApp.Run(args, WorkerSeams.Production);
