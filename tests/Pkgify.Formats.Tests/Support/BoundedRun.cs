using NUnit.Framework;

namespace Pkgify.Formats.Tests.Support;

/// <summary>Runs hostile-input work with a hard deadline so that a hang fails the test instead of stalling the run.</summary>
public static class BoundedRun
{
    /// <summary>Runs <paramref name="action"/>; fails the test if it takes longer than <paramref name="seconds"/>.</summary>
    public static void Within(int seconds, Action action)
    {
        var task = Task.Run(action);
        if (!task.Wait(TimeSpan.FromSeconds(seconds)))
            Assert.Fail($"did not finish within {seconds} s (hang on hostile input?)");
        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="parse"/> on damaged input: it may succeed (the damage was harmless) or throw
    /// <see cref="InvalidDataException"/>; any other exception fails the test, naming <paramref name="what"/>.
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
