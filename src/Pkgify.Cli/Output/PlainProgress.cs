using System.Diagnostics;
using System.Globalization;
using Pkgify.Core.Progress;

namespace Pkgify.Cli.Output;

/// <summary>
/// Progress for logs and pipes: a line when a step starts and one when it ends, each starting with
/// "pkgify: " and the step's title, so `grep 'pkgify: writing'` finds them. Nothing is redrawn.
/// </summary>
internal sealed class PlainProgress(TextWriter writer, bool verbose) : IProgressSink
{
    private readonly object _gate = new();

    public IProgressStep Begin(string title, long? totalBytes = null)
    {
        Line($"{title}{(totalBytes is { } total ? $" ({ByteSize.Format(total)})" : "")}");
        return new Step(this, title, totalBytes);
    }

    public void Detail(string message)
    {
        if (verbose) Line("  " + message);
    }

    private void Line(string text)
    {
        lock (_gate) writer.WriteLine("pkgify: " + text);
    }

    private sealed class Step(PlainProgress owner, string title, long? total) : IProgressStep
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;

        public void Advance(long bytes) => Interlocked.Add(ref _done, bytes);

        public void Status(string text) => owner.Detail(text);

        public void Complete(string? summary = null)
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            var rate = total is not null && seconds > 0 ? $", {ByteSize.Format((long)(Interlocked.Read(ref _done) / seconds))}/s" : "";
            owner.Line($"{title}: done in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s{rate}{(summary is null ? "" : ": " + summary)}");
        }

        /// <summary>A step that ends without <see cref="Complete"/> failed: the error line that follows says why.</summary>
        public void Dispose() { }
    }
}
