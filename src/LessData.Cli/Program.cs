using System.CommandLine;
using LessData.Cli;

var root = new RootCommand("LessData: train image classifiers on less data per epoch (Sanderson & Kalganova, arXiv 2208.02007).")
{
    TrainCommand.Create(),
    CompareCommand.Create(),
    DemoCommand.Create(),
    DatasetsCommand.Create(),
};
return CliRunner.Invoke(root, args);
