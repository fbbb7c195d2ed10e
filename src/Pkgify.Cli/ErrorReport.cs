using Pkgify.Cli.Commands;
using Pkgify.Cli.Output;

namespace Pkgify.Cli;

/// <summary>Reports a user-facing error: one line on stderr and, with --json, an error document on stdout.</summary>
internal static class ErrorReport
{
    private const string Red = "\x1b[1;31m", Reset = "\x1b[0m";

    /// <summary>Writes the error and returns <paramref name="exitCode"/>.</summary>
    public static int Write(string message, int exitCode, bool json)
    {
        var label = Terminal.StderrIsInteractive && Terminal.ColourAllowed ? $"{Red}error:{Reset}" : "error:";
        Console.Error.WriteLine($"pkgify: {label} {message}");
        if (json)
            JsonOutput.Write(new { error = new { message, exit_status = exitCode } });
        return exitCode;
    }
}
