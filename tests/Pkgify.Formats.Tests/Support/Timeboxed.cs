namespace Pkgify.Formats.Tests.Support;

/// <summary>Runs a piece of a test with a deadline, so a reader that hangs on hostile input fails the test.</summary>
internal static class Timeboxed
{
    public static void Run(TimeSpan limit, Action action)
    {
        var task = Task.Run(action);
        if (Task.WhenAny(task, Task.Delay(limit)).GetAwaiter().GetResult() != task)
        {
            throw new TimeoutException($"did not finish within {limit}");
        }

        task.GetAwaiter().GetResult();
    }
}
