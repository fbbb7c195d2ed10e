using System.Text.RegularExpressions;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Output;

/// <summary>
/// Makes sure packages can be written. <see cref="Check"/> runs before any long work and creates nothing, so a
/// read-only mount or a path under a file fails in a second, not after the virtualenv is built, and a build
/// that fails later leaves no empty output directory behind.
/// </summary>
public static partial class OutputDirectory
{
    /// <summary>
    /// Checks that <paramref name="dir"/> could be created and written: its nearest existing ancestor (or itself)
    /// must be a directory in which a file can be created (a probe file is created and removed).
    /// </summary>
    /// <exception cref="UsageException">It could not be (exit status 2: the user chooses another).</exception>
    public static void Check(string dir)
    {
        var existing = Path.GetFullPath(dir);
        while (!Directory.Exists(existing) && !File.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            existing = parent;
        if (File.Exists(existing))
            throw NotWritable(dir, $"{existing} is a file, not a directory");
        Probe(dir, existing);
    }

    /// <summary>Creates <paramref name="dir"/> if needed and checks that files can be created in it.</summary>
    /// <exception cref="UsageException">It cannot be created or written.</exception>
    public static void Prepare(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(dir, Reason(e));
        }
        Probe(dir, dir);
    }

    private static void Probe(string dir, string existing)
    {
        var probe = Path.Combine(existing, $".pkgify-probe-{Environment.ProcessId}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(dir, Reason(e));
        }
    }

    private static UsageException NotWritable(string dir, string reason) =>
        new($"output directory '{dir}' is not writable ({reason}): choose a writable directory with -o");

    /// <summary>The system's reason without the path .NET appends to it.</summary>
    private static string Reason(Exception e) => PathSuffix().Replace(e.Message, "").TrimEnd('.');

    [GeneratedRegex(@"\s*:?\s*'[^']*'\.?$|\s+path\s+'[^']*'\.?$")]
    private static partial Regex PathSuffix();
}
