using Pkgify.Core.Progress;
using Spectre.Console;

namespace Pkgify.Cli.Output;

/// <summary>Runs a command's work with the progress display its output mode calls for.</summary>
internal static class ProgressUi
{
    public static T Run<T>(OutputMode mode, bool verbose, Func<IProgressSink, T> work) => mode switch
    {
        OutputMode.Quiet => work(ProgressSink.None),
        OutputMode.Plain => work(new PlainProgress(Console.Error, verbose)),
        _ => RunOnTerminal(verbose, work),
    };

    private static T RunOnTerminal<T>(bool verbose, Func<IProgressSink, T> work)
    {
        var console = StderrConsole();
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(SpectreProgress.Columns())
            .Start(context => work(new SpectreProgress(context, console, verbose)));
    }

    /// <summary>A Spectre console on stderr (stdout stays clean for results and --json).</summary>
    public static IAnsiConsole StderrConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = Terminal.ColourAllowed ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Detect,
    });
}
