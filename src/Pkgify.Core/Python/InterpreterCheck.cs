using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mono.Unix.Native;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>
/// Checks that the configured interpreter is one a target host has at the same path: the
/// virtualenv pkgify ships links bin/python to it and pyvenv.cfg's `home` names its directory,
/// so an interpreter that exists only on the build host (a pyenv install, another venv, whatever
/// PATH finds first) gives a package that installs but cannot start.
/// </summary>
public static partial class InterpreterCheck
{
    /// <summary>Directories whose interpreters come from the distribution or a system-wide install.</summary>
    private static readonly string[] SystemDirectories = ["/usr/bin", "/bin", "/usr/local/bin"];

    private const string OptRoot = "/opt/";
    private const string VenvMarker = "pyvenv.cfg";
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(60);

    // Printed by the interpreter itself; -I keeps PYTHONPATH, PYTHONHOME and user site-packages
    // from changing what it reports.
    private const string VersionQuery =
        "import sys,json; print(json.dumps({'version': '%d.%d.%d' % sys.version_info[:3], " +
        "'prefix': sys.prefix, 'base_prefix': sys.base_prefix}))";

    /// <summary>Validates <paramref name="path"/> and asks the interpreter for its version.</summary>
    /// <param name="path">The configured interpreter path.</param>
    /// <param name="where">Where the path was configured, for messages (e.g. "pkgify.yaml:12: python").</param>
    /// <exception cref="UsageException">The path is not an interpreter targets have; the message says which to use.</exception>
    public static PythonInterpreter Validate(string path, string where = "python")
    {
        var full = CheckPathShape(path, where);
        CheckNotPyenv(path, full, where);
        CheckNotInVenv(path, full, where);
        CheckFileAndLocation(path, full, where);
        return Query(path, full, where);
    }

    private static string CheckPathShape(string path, string where)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UsageException($"{where}: no interpreter given: set it to the absolute path targets have, e.g. {InterpreterSuggestion.For(null)}");
        if (!path.Contains('/'))
            throw Refuse(path, where, "is a bare command name that only this host's PATH resolves", null);
        if (!Path.IsPathRooted(path))
            throw Refuse(path, where, "is a relative path, meaningless on a target host", null);
        return Path.GetFullPath(path);
    }

    private static void CheckNotPyenv(string path, string full, string where)
    {
        // pyenv (and asdf, which borrows the layout) put shims in .../shims/ and interpreters in
        // ~/.pyenv/versions/: per-user installs that no target host has.
        if (full.Contains("/shims/", StringComparison.Ordinal) || full.Contains("/.pyenv/", StringComparison.Ordinal))
            throw Refuse(path, where, "is a pyenv shim or pyenv-managed interpreter, a per-user install that target hosts do not have", MajorMinorInName(full));
    }

    private static void CheckNotInVenv(string path, string full, string where)
    {
        for (var directory = Path.GetDirectoryName(full); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var marker = Path.Combine(directory, VenvMarker);
            if (!File.Exists(marker)) continue;
            var config = PyvenvConfig.Read(marker);
            var version = config.GetValueOrDefault("version") ?? config.GetValueOrDefault("version_info");
            throw Refuse(path, where,
                $"belongs to the virtualenv {directory} (it has {VenvMarker}); pkgify builds its own virtualenv from a system interpreter",
                MajorMinorOf(version));
        }
    }

    private static void CheckFileAndLocation(string path, string full, string where)
    {
        if (!File.Exists(full))
            throw Refuse(path, where, "does not exist on this build host", MajorMinorInName(full));
        var directory = Path.GetDirectoryName(full)!;
        var inOpt = full.StartsWith(OptRoot, StringComparison.Ordinal) && Path.GetFileName(directory) == "bin";
        if (!inOpt && !SystemDirectories.Contains(directory, StringComparer.Ordinal))
            throw Refuse(path, where,
                $"is not in a system location ({string.Join(", ", SystemDirectories)}, /opt/*/bin), so target hosts are unlikely to have it at this path",
                MajorMinorInName(full));
        if (StartsWithShebang(full))
            throw Refuse(path, where, "is a script (it starts with #!), a wrapper such as a pyenv or asdf shim, not the interpreter", MajorMinorInName(full));
        if (Syscall.access(full, AccessModes.X_OK) != 0)
            throw Refuse(path, where, "is not executable", MajorMinorInName(full));
    }

    private static PythonInterpreter Query(string path, string full, string where)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        ChildProcessResult result;
        try
        {
            result = ChildProcess.Run(full, ["-I", "-c", VersionQuery], new Dictionary<string, string?>(),
                stdout.Add, stderr.Add, QueryTimeout);
        }
        catch (Win32Exception e)
        {
            throw Refuse(path, where, $"cannot be started ({e.Message})", MajorMinorInName(full));
        }
        var reply = ParseReply(stdout);
        if (result.TimedOut || result.ExitCode != 0 || reply is null)
        {
            var detail = result.TimedOut ? "timed out" : $"exit {result.ExitCode}";
            var last = stderr.LastOrDefault(l => l.Trim().Length > 0);
            throw Refuse(path, where, $"did not run as Python 3 ({detail}{(last is null ? "" : ": " + last.Trim())})", MajorMinorInName(full));
        }
        var (version, prefix, basePrefix) = reply.Value;
        var majorMinor = MajorMinorOf(version)!;
        if (!version.StartsWith("3.", StringComparison.Ordinal))
            throw Refuse(path, where, $"is Python {version}; pkgify needs Python 3 (its venv module)", null);
        if (prefix != basePrefix)
            throw Refuse(path, where, $"runs inside the virtualenv {prefix}; pkgify builds its own virtualenv from a system interpreter", majorMinor);
        return new PythonInterpreter(full, version, majorMinor);
    }

    private static (string Version, string Prefix, string BasePrefix)? ParseReply(List<string> stdout)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout.LastOrDefault() ?? "");
            var root = json.RootElement;
            var version = root.GetProperty("version").GetString();
            if (version is null || !VersionPattern().IsMatch(version)) return null;
            return (version, root.GetProperty("prefix").GetString() ?? "", root.GetProperty("base_prefix").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool StartsWithShebang(string file)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head[0] == '#' && head[1] == '!';
    }

    private static UsageException Refuse(string path, string where, string reason, string? majorMinor) =>
        new($"{where}: '{path}' {reason}: use the system interpreter targets have at the same path, e.g. {InterpreterSuggestion.For(majorMinor)}");

    private static string? MajorMinorOf(string? version)
    {
        var match = version is null ? null : FeatureVersionPattern().Match(version);
        return match is { Success: true } ? match.Value : null;
    }

    private static string? MajorMinorInName(string full)
    {
        var match = NameVersionPattern().Match(Path.GetFileName(full));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex FeatureVersionPattern();

    [GeneratedRegex(@"^python(\d+\.\d+)$")]
    private static partial Regex NameVersionPattern();
}
