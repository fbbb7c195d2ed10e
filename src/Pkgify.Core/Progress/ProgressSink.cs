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

    /// <summary>
    /// Runs <paramref name="read"/> on each file as one step whose size is the files' total, advancing by each
    /// file's length once it is read (repository indexing hashes whole packages).
    /// </summary>
    public static List<T> ForEachFile<T>(this IProgressSink sink, string title, IReadOnlyList<string> files, Func<string, T> read)
    {
        var sizes = files.Select(f => new FileInfo(f).Length).ToList();
        using var step = sink.Begin(title, sizes.Sum());
        var results = new List<T>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            results.Add(read(files[i]));
            step.Advance(sizes[i]);
        }
        step.Complete(files.Count == 1 ? "1 file" : $"{files.Count} files");
        return results;
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
