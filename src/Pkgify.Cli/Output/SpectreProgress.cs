using Pkgify.Core.Progress;
using Spectre.Console;

namespace Pkgify.Cli.Output;

/// <summary>
/// Progress on a terminal with Spectre.Console: one line per step, a bar with throughput and time left
/// when its size is known, an indeterminate bar and a spinner otherwise; -v details print above the bars.
/// </summary>
internal sealed class SpectreProgress(ProgressContext context, IAnsiConsole console, bool verbose) : IProgressSink
{
    /// <summary>
    /// Width of everything right of the description: bar (12), percentage (4), speed (up to 11), time (8),
    /// spinner (1) and the gaps between columns. A step line must not wrap on an 80-column terminal, or the
    /// redraw leaves the throughput split over two lines; so the description gets what is left.
    /// </summary>
    private const int ColumnsRightOfDescription = 42;
    private const int BarWidth = 12;

    private int DescriptionWidth => Math.Max(16, console.Profile.Width - ColumnsRightOfDescription);

    public IProgressStep Begin(string title, long? totalBytes = null)
    {
        var task = context.AddTask(Markup.Escape(Fit(title)), autoStart: true, maxValue: Math.Max(1, totalBytes ?? 1));
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
        new ProgressBarColumn { Width = BarWidth },
        new PercentageColumn(),
        new TransferSpeedColumn(),
        new RemainingTimeColumn(),
        new SpinnerColumn(),
    ];

    /// <summary>The text cut to the description column (an ellipsis marks the cut).</summary>
    private string Fit(string text, int reserve = 0) => Shorten(text, DescriptionWidth - reserve);

    private static string Shorten(string text, int width) =>
        text.Length <= width ? text : text[..Math.Max(1, width - 1)] + "…";

    private sealed class Step(SpectreProgress owner, ProgressTask task, string title) : IProgressStep
    {
        private bool _ended;

        public void Advance(long bytes) => task.Increment(bytes);

        public void Status(string text)
        {
            owner.Detail(text);
            var room = owner.DescriptionWidth - title.Length - 1;
            task.Description = room < 8
                ? Markup.Escape(owner.Fit(title))
                : $"{Markup.Escape(title)} [grey]{Markup.Escape(Shorten(text, room))}[/]";
        }

        public void Complete(string? summary = null)
        {
            _ended = true;
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(owner.Fit(title + (summary is null ? "" : ": " + summary)));
            task.StopTask();
        }

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            task.IsIndeterminate = false;
            task.Description = $"{Markup.Escape(owner.Fit(title, reserve: 7))} [red]failed[/]";
            task.StopTask();
        }
    }
}
