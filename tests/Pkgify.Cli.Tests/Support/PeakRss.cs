using System.Globalization;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>One run of pkgify under GNU time: its exit code, its own stderr lines, and its peak resident set size.</summary>
/// <param name="ExitCode">pkgify's exit status.</param>
/// <param name="StdErrLines">pkgify's stderr lines, without the ones GNU time adds.</param>
/// <param name="PeakRssKiB">Maximum resident set size in KiB (GNU time's %M).</param>
public sealed record PeakRssRun(int ExitCode, IReadOnlyList<string> StdErrLines, long PeakRssKiB)
{
    public long PeakRssMiB => PeakRssKiB >> 10;
}

/// <summary>Runs pkgify under GNU time (`time -f`, time(1)) to measure its peak memory.</summary>
public static class PeakRss
{
    private const string Marker = "pkgify-maxrss=";

    public static PeakRssRun RunPkgify(IEnumerable<string> args, TimeSpan timeout)
    {
        var r = ToolRunner.Run(ToolRunner.Require("time"), ["-f", Marker + "%M", "dotnet", typeof(Program).Assembly.Location, .. args],
            timeout: timeout);
        // GNU time adds "Command exited with non-zero status N" and then its format line, last.
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rss = lines.Length > 0 && lines[^1].StartsWith(Marker, StringComparison.Ordinal)
            ? long.Parse(lines[^1][Marker.Length..], CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"GNU time printed no {Marker} line: {r.StdErr}");
        var own = lines[..^1].Where(l => !l.StartsWith("Command exited", StringComparison.Ordinal)).ToList();
        return new PeakRssRun(r.ExitCode, own, rss);
    }
}
