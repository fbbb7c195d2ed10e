using System.Globalization;

namespace Pkgify.Core.Output;

/// <summary>
/// Leftovers of killed runs. Every temp name pkgify makes carries the writing process's id right after a
/// known prefix (<c>.NAME.pkgify-tmp-PID</c>, <c>.KEY.building-PID</c>); a leftover is removed only once that
/// process is gone, so two pkgify runs writing into the same directory never delete each other's work.
/// </summary>
public static class StaleTemps
{
    /// <summary>Linux's per-process directories (proc(5)): /proc/PID exists while process PID does.</summary>
    private const string ProcRoot = "/proc";

    /// <summary>
    /// True when <paramref name="name"/> is <paramref name="prefix"/> + a process id (+ anything after a '-')
    /// and that process is this one or no longer exists.
    /// </summary>
    public static bool IsLeftover(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var rest = name[prefix.Length..];
        var dash = rest.IndexOf('-');
        var digits = dash < 0 ? rest : rest[..dash];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return false;
        return pid == Environment.ProcessId || !IsRunning(pid);
    }

    /// <summary>Removes the leftover files in <paramref name="dir"/> whose names start with <paramref name="prefix"/>.</summary>
    public static void RemoveFiles(string dir, string prefix)
    {
        if (!Directory.Exists(dir))
            return;
        foreach (var path in Directory.EnumerateFiles(dir, prefix + "*"))
            if (IsLeftover(Path.GetFileName(path), prefix))
                AtomicFile.TryDelete(path);
    }

    /// <summary>Removes the leftover directories (and their contents) in <paramref name="dir"/> named <paramref name="prefix"/>PID.</summary>
    public static void RemoveDirectories(string dir, string prefix)
    {
        if (!Directory.Exists(dir))
            return;
        foreach (var path in Directory.EnumerateDirectories(dir, prefix + "*"))
        {
            if (!IsLeftover(Path.GetFileName(path), prefix))
                continue;
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort, as for files: the next run tries again.
            }
        }
    }

    private static bool IsRunning(int pid) =>
        // Without /proc (not Linux, or not mounted) nothing can be told apart: treat every leftover as stale.
        Directory.Exists(ProcRoot + "/self") && Directory.Exists($"{ProcRoot}/{pid.ToString(CultureInfo.InvariantCulture)}");
}
