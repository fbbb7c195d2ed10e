using Pkgify.Core.Errors;
using Pkgify.Core.Reading;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Runs what <c>pkgify inspect</c> and <c>pkgify verify</c> run (<see cref="PackageFiles"/>), in-process, on one
/// file under a time bound, and classifies the result.
/// </summary>
public static class PackageExercise
{
    /// <summary>Bound on inspect + verify of one small file; the readers stream, so a few milliseconds is normal.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);

    public static (CaseOutcome Outcome, string Detail, TimeSpan Elapsed) Run(string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() => Classify(path), TaskCreationOptions.LongRunning);
        if (!task.Wait(CaseTimeout))
            return (CaseOutcome.Hang, $"inspect/verify did not finish within {CaseTimeout.TotalSeconds} s", clock.Elapsed);
        return (task.Result.Outcome, task.Result.Detail, clock.Elapsed);
    }

    private static (CaseOutcome Outcome, string Detail) Classify(string path)
    {
        var rejected = false;
        var details = new List<string>();
        foreach (var (step, action) in new (string, Action)[] { ("inspect", () => PackageFiles.Inspect(path)), ("verify", () => PackageFiles.Verify(path)) })
        {
            try
            {
                action();
            }
            catch (BuildException e) when (!e.Message.Contains('\n') && !e.Message.Contains('\r'))
            {
                rejected = true;
                details.Add($"{step}: {e.Message}");
            }
            catch (Exception e)
            {
                return (CaseOutcome.Crash, $"{step}: {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
            }
        }
        return (rejected ? CaseOutcome.Rejected : CaseOutcome.Accepted, string.Join(" | ", details));
    }
}
