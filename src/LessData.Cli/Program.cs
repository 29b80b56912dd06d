using System.CommandLine;
using LessData.Cli;

var root = new RootCommand("LessData: train image classifiers on less data per epoch (Sanderson & Kalganova, arXiv 2208.02007).")
{
};
return CliRunner.Invoke(root, args);
