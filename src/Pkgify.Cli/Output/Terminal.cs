namespace Pkgify.Cli.Output;

/// <summary>Facts about where stderr goes, read from the process environment.</summary>
internal static class Terminal
{
    /// <summary>True when stderr is a terminal that can redraw (TERM=dumb cannot move the cursor).</summary>
    public static bool StderrIsInteractive =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>no-color.org: NO_COLOR present and not empty turns colours off; the layout stays.</summary>
    public static bool ColourAllowed => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The mode for a command run with these flags.</summary>
    public static OutputMode ModeFor(bool quiet, bool json) =>
        quiet ? OutputMode.Quiet
        : StderrIsInteractive ? OutputMode.Terminal
        // A script that asked for --json reads stdout; plain progress lines would only be noise in its log.
        : json ? OutputMode.Quiet
        : OutputMode.Plain;
}
