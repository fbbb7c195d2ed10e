namespace Pkgify.Core.Python;

/// <summary>
/// Reads a venv's pyvenv.cfg: `key = value` lines, as CPython's site.py reads them (split at the
/// first '=', both sides trimmed, lines without '=' ignored; keys are case-insensitive there,
/// lower-cased here).
/// </summary>
internal static class PyvenvConfig
{
    /// <summary>A file larger than this is not a pyvenv.cfg (venv writes a handful of lines).</summary>
    private const long MaxBytes = 1 << 20;

    /// <summary>The settings of <paramref name="file"/>; the first occurrence of a key wins.</summary>
    public static IReadOnlyDictionary<string, string> Read(string file)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (new FileInfo(file).Length > MaxBytes) return settings;
        foreach (var line in File.ReadLines(file))
        {
            if (SplitLine(line) is var (key, value)) settings.TryAdd(key, value);
        }
        return settings;
    }

    /// <summary>The key (lower case) and value of one line, or null for a line without '='.</summary>
    public static (string Key, string Value)? SplitLine(string line)
    {
        var equals = line.IndexOf('=');
        if (equals < 0) return null;
        return (line[..equals].Trim().ToLowerInvariant(), line[(equals + 1)..].Trim());
    }
}
