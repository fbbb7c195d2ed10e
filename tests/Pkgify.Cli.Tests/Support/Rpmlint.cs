using System.Text.RegularExpressions;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Runs rpmlint on a package and returns the error tags outside tests/rpmlint-allowlist.txt.</summary>
public static partial class Rpmlint
{
    // rpmlint 2.x exit status: 0 clean, 64 when it reported errors (rpmlint/lint.py); anything else is a failure
    // to run (bad arguments, a crash, a package it could not read).
    private const int ExitClean = 0;
    private const int ExitErrorsFound = 64;

    // The summary rpmlint prints last, e.g. " 1 packages and 0 specfiles checked; 8 errors, 5 warnings, ...".
    [GeneratedRegex(@"^\s*(\d+) packages and (\d+) specfiles checked; (\d+) errors, (\d+) warnings", RegexOptions.Multiline)]
    private static partial Regex Summary();

    /// <summary>
    /// The unexpected error tags and rpmlint's output. Fails the test unless rpmlint really checked one package:
    /// it exited 0 or 64, printed its summary for one package, and the summary's error count equals the
    /// "E:" lines parsed here (so no error line went unread because its format changed).
    /// </summary>
    public static (IReadOnlyList<string> Unexpected, ToolResult Result) Errors(string rpm)
    {
        var result = ToolRunner.Run("rpmlint", [rpm], timeout: TimeSpan.FromMinutes(5));
        var output = $"rpmlint output:\n{result.StdOut}{result.StdErr}";
        // rpmlint prints "name.arch: E: tag details" for each error.
        var allErrors = result.StdOut.Split('\n')
            .Select(l => l.Split(' '))
            .Where(w => w.Length >= 3 && w[1] == "E:")
            .Select(w => w[2])
            .ToList();

        var summary = Summary().Match(result.StdOut);
        summary.Success.ShouldBeTrue($"rpmlint printed no summary line: {output}");
        summary.Groups[1].Value.ShouldBe("1", output);
        int.Parse(summary.Groups[3].Value).ShouldBe(allErrors.Count, $"errors in the summary vs E: lines read; {output}");
        result.ExitCode.ShouldBe(allErrors.Count == 0 ? ExitClean : ExitErrorsFound, output);

        var allowed = TagAllowlist.Load("rpmlint-allowlist.txt");
        return (allErrors.Where(tag => !allowed.Contains(tag)).ToList(), result);
    }
}
