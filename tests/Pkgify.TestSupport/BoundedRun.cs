using NUnit.Framework;

namespace Pkgify.TestSupport;

/// <summary>
/// Runs hostile-input work (damaged archives, fuzzing) with a hard deadline, so that a reader that hangs fails the
/// test instead of stalling the run, and classifies how a reader reacted to damage.
/// </summary>
public static class BoundedRun
{
    /// <summary>Runs <paramref name="action"/>; fails the test if it takes longer than <paramref name="limit"/>.</summary>
    public static void Within(TimeSpan limit, Action action)
    {
        var task = Task.Run(action);
        // WhenAny, not Wait: a failing action must surface its own exception, not an AggregateException.
        if (Task.WhenAny(task, Task.Delay(limit)).GetAwaiter().GetResult() != task)
            Assert.Fail($"did not finish within {limit} (hang on hostile input?)");
        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="parse"/> on damaged input: it may succeed (the damage was harmless, returns true) or
    /// throw <see cref="InvalidDataException"/> (returns false); any other exception fails the test, naming
    /// <paramref name="what"/>.
    /// </summary>
    public static bool AcceptsOrRejectsCleanly(string what, Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name} instead of InvalidDataException: {e.Message}");
            return false;
        }
    }
}
