using System.Collections.Concurrent;
using Pkgify.Core.Progress;

namespace Pkgify.Core.Tests.Progress;

/// <summary>Keeps every report, to check what Core tells a progress display.</summary>
internal sealed class RecordingSink : IProgressSink
{
    public ConcurrentQueue<RecordedStep> Steps { get; } = new();
    public ConcurrentQueue<string> Details { get; } = new();

    public IProgressStep Begin(string title, long? totalBytes = null)
    {
        var step = new RecordedStep(title, totalBytes);
        Steps.Enqueue(step);
        return step;
    }

    public void Detail(string message) => Details.Enqueue(message);
}

internal sealed class RecordedStep(string title, long? total) : IProgressStep
{
    private long _done;

    public string Title { get; } = title;
    public long? Total { get; } = total;
    public long Done => Interlocked.Read(ref _done);
    public ConcurrentQueue<string> Statuses { get; } = new();
    public string? Summary { get; private set; }
    public bool Completed { get; private set; }
    public bool Disposed { get; private set; }

    public void Advance(long bytes) => Interlocked.Add(ref _done, bytes);
    public void Status(string text) => Statuses.Enqueue(text);

    public void Complete(string? summary = null)
    {
        Completed = true;
        Summary = summary;
    }

    public void Dispose() => Disposed = true;
}
