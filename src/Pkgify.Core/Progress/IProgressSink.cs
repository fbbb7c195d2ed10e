namespace Pkgify.Core.Progress;

/// <summary>
/// Where long-running work reports what it is doing. Core only reports; the CLI decides how it looks
/// (bars with throughput and ETA on a terminal, plain lines in a log, nothing with -q), so Core carries
/// no console code. Implementations must accept calls from any thread.
/// </summary>
public interface IProgressSink
{
    /// <summary>Starts a step such as "building the virtualenv" or "writing app_1.0-1_all.deb".</summary>
    /// <param name="title">What the step does, lowercase, no trailing period.</param>
    /// <param name="totalBytes">The work's size when known (progress is then shown as a fraction), else null.</param>
    IProgressStep Begin(string title, long? totalBytes = null);

    /// <summary>A line of detail (e.g. a pip output line), shown only when asked for (-v).</summary>
    void Detail(string message);
}

/// <summary>One step of <see cref="IProgressSink"/>. Disposing it without <see cref="Complete"/> means it failed.</summary>
public interface IProgressStep : IDisposable
{
    /// <summary>Adds <paramref name="bytes"/> to the work done.</summary>
    void Advance(long bytes);

    /// <summary>What the step is busy with right now (e.g. "Collecting flask==3.0.0").</summary>
    void Status(string text);

    /// <summary>Marks the step done, optionally with a one-line summary ("reused the cached virtualenv").</summary>
    void Complete(string? summary = null);
}
