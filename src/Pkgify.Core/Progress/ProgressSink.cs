namespace Pkgify.Core.Progress;

/// <summary>Helpers for <see cref="IProgressSink"/>.</summary>
public static class ProgressSink
{
    /// <summary>A sink that shows nothing (-q, library use, tests).</summary>
    public static IProgressSink None { get; } = new Silent();

    /// <summary>Runs <paramref name="work"/> as one step and completes it when it returns normally.</summary>
    public static T Step<T>(this IProgressSink sink, string title, Func<IProgressStep, T> work, Func<T, string?>? summary = null)
    {
        using var step = sink.Begin(title);
        var result = work(step);
        step.Complete(summary?.Invoke(result));
        return result;
    }

    private sealed class Silent : IProgressSink, IProgressStep
    {
        public IProgressStep Begin(string title, long? totalBytes = null) => this;
        public void Detail(string message) { }
        public void Advance(long bytes) { }
        public void Status(string text) { }
        public void Complete(string? summary = null) { }
        public void Dispose() { }
    }
}
