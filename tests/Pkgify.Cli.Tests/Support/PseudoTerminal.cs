using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// Runs pkgify with stdin, stdout and stderr on a real pseudo-terminal, through util-linux script(1),
/// so the program sees what it sees in an interactive shell. Returns everything the terminal received.
/// </summary>
public static class PseudoTerminal
{
    public static ToolResult RunPkgify(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        ToolRunner.Require("script");
        var dll = typeof(Program).Assembly.Location;
        // script -c takes one shell command line: quote every word for sh.
        var command = string.Join(' ', new[] { "dotnet", dll }.Concat(args).Select(ShellWord));
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "120" };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) environment[k] = v;
        return ToolRunner.Run("script", new[] { "--quiet", "--return", "--command", command, "/dev/null" },
            env: environment, timeout: TimeSpan.FromMinutes(10));
    }

    private static string ShellWord(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
