using System.CommandLine;
using LessData;
using LessData.Selection;

namespace LessData.Cli;

/// <summary>Runs the parsed command; user errors become one line on stderr and exit code 2, never a stack trace.</summary>
public static class CliRunner
{
    public const int UserErrorExit = 2;
    public const int InternalErrorExit = 1;
    /// <summary>Training stopped on a non-finite loss (the message says where and what to try).</summary>
    public const int DivergedExit = 3;

    public static int Invoke(Command root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var err = error ?? Console.Error;
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null) config.Output = output;
        config.Error = err;
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) err.WriteLine($"lessdata: {e.Message}");
                err.WriteLine("Run 'lessdata --help' (or '<command> --help') for usage.");
                return UserErrorExit;
            }
            return parsed.Invoke(config);
        }
        catch (Exception e) when (Unwrap(e) is UserError user)
        {
            err.WriteLine(user.Parameter is { } parameter ? $"lessdata: {FlagNames.For(parameter)} {user.Message}" : $"lessdata: {user.Message}");
            return UserErrorExit;
        }
        catch (Exception e) when (Unwrap(e) is SelectionException selection)
        {
            err.WriteLine($"lessdata: {FlagNames.For(selection.Parameter)}: {selection.Message}");
            return UserErrorExit;
        }
        catch (Exception e) when (Unwrap(e) is LessData.Store.StoreUnreachableException unreachable)
        {
            err.WriteLine($"lessdata: {unreachable.Message}; check the database server and the network, then run the same command again");
            return UserErrorExit;
        }
        catch (Exception e) when (Unwrap(e) is LessData.Training.TrainingDivergedException diverged)
        {
            err.WriteLine($"lessdata: {diverged.Message}");
            return DivergedExit;
        }
        catch (OperationCanceledException)
        {
            err.WriteLine("lessdata: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            err.WriteLine($"lessdata: internal error: {e.GetType().Name}: {e.Message}");
            err.WriteLine("This is a bug in LessData; set LESSDATA_DEBUG=1 to see the stack trace.");
            if (Environment.GetEnvironmentVariable("LESSDATA_DEBUG") == "1") err.WriteLine(e);
            return InternalErrorExit;
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException or System.Reflection.TargetInvocationException or InvalidOperationException && e.InnerException is not null
            ? Unwrap(e.InnerException!)
            : e;
}
