using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>
/// Makes a venv built at one path correct at another (its install path, /opt/NAME/venv): a venv
/// records its own absolute path in script headers, activate scripts and pyvenv.cfg, and pip's
/// RECORD files hash those scripts. Everything is edited in-process, byte-exact, and then the
/// whole tree is searched for the build path: a file that still names it fails the build.
/// </summary>
public static class VenvRelocator
{
    private const int LeaksShown = 20;

    /// <summary>Rewrites the venv at <paramref name="venvDir"/> from <paramref name="buildPrefix"/> to <paramref name="targetPrefix"/>.</summary>
    /// <param name="venvDir">Where the venv is now (usually <paramref name="buildPrefix"/> itself).</param>
    /// <param name="buildPrefix">The absolute path the venv was built at.</param>
    /// <param name="targetPrefix">The absolute path it will be installed at, e.g. /opt/ledger/venv.</param>
    /// <exception cref="BuildException">Files still name the build path after relocation.</exception>
    public static RelocationReport Relocate(string venvDir, string buildPrefix, string targetPrefix)
    {
        var venv = Normalize(venvDir, nameof(venvDir));
        var build = Normalize(buildPrefix, nameof(buildPrefix));
        var target = Normalize(targetPrefix, nameof(targetPrefix));
        if (!Directory.Exists(venv))
            throw new ArgumentException($"venv directory not found: {venv}", nameof(venvDir));
        // The leak check searches for the build path as a plain string; a target containing it
        // (build /b/venv, target /b/venv2 or /b/venv/x) would always look like a leak.
        if (target.Contains(build, StringComparison.Ordinal))
            throw new ArgumentException($"target {target} contains the build path {build}: build the venv elsewhere", nameof(targetPrefix));

        var relocation = new VenvRelocation(venv, build, target);
        relocation.Run();

        var leaks = LeakCheck.Scan(venv, [build]);
        if (leaks.Count > 0)
        {
            var shown = string.Join(", ", leaks.Take(LeaksShown));
            var more = leaks.Count > LeaksShown ? $" and {leaks.Count - LeaksShown} more" : "";
            throw new BuildException(
                $"{leaks.Count} file(s) in the virtualenv still name the build directory {build} after relocation: {shown}{more}: " +
                "a distribution wrote its install path into them, which pkgify cannot rewrite safely; install that distribution from a wheel that does not embed paths, or report it to its authors");
        }
        return relocation.Report();
    }

    private static string Normalize(string path, string name)
    {
        if (!Path.IsPathRooted(path)) throw new ArgumentException($"must be an absolute path: {path}", name);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (full == "/") throw new ArgumentException("must not be the root directory", name);
        return full;
    }
}
