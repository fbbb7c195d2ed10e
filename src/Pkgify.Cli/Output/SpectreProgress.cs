using Pkgify.Core.Progress;
using Spectre.Console;

namespace Pkgify.Cli.Output;

/// <summary>
/// Progress on a terminal with Spectre.Console: one line per step, a bar with throughput and time left
/// when its size is known, an indeterminate bar and a spinner otherwise; -v details print above the bars.
/// </summary>
internal sealed class SpectreProgress(ProgressContext context, IAnsiConsole console, bool verbose) : IProgressSink
{
    /// <summary>Longest status shown beside a title: a terminal line should not wrap.</summary>
    private const int MaxStatusLength = 60;

    public IProgressStep Begin(string title, long? totalBytes = null)
    {
        var task = context.AddTask(Markup.Escape(title), autoStart: true, maxValue: Math.Max(1, totalBytes ?? 1));
        task.IsIndeterminate = totalBytes is null;
        return new Step(this, task, title);
    }

    public void Detail(string message)
    {
        if (verbose) console.MarkupLine("[grey]" + Markup.Escape(message) + "[/]");
    }

    /// <summary>The columns of every step line.</summary>
    public static ProgressColumn[] Columns() =>
    [
        new TaskDescriptionColumn { Alignment = Justify.Left },
        new ProgressBarColumn(),
        new PercentageColumn(),
        new TransferSpeedColumn(),
        new RemainingTimeColumn(),
        new SpinnerColumn(),
    ];

    private sealed class Step(SpectreProgress owner, ProgressTask task, string title) : IProgressStep
    {
        private bool _ended;

        public void Advance(long bytes) => task.Increment(bytes);

        public void Status(string text)
        {
            owner.Detail(text);
            var shown = text.Length > MaxStatusLength ? text[..(MaxStatusLength - 1)] + "…" : text;
            task.Description = $"{Markup.Escape(title)} [grey]{Markup.Escape(shown)}[/]";
        }

        public void Complete(string? summary = null)
        {
            _ended = true;
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(title + (summary is null ? "" : ": " + summary));
            task.StopTask();
        }

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            task.IsIndeterminate = false;
            task.Description = $"{Markup.Escape(title)} [red]failed[/]";
            task.StopTask();
        }
    }
}
