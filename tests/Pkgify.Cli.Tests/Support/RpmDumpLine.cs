using System.Globalization;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// One line of <c>rpm -qp --dump</c>: <c>path size mtime digest mode owner group isconfig isdoc rdev symlink</c>
/// (`rpm: lib/query.c`), the digest being all zeros and the symlink "X" when there is none.
/// </summary>
public sealed record RpmDumpLine(string Path, long Size, long MTime, string? Digest, int Mode, string Owner, string Group,
    bool IsConfig, bool IsDoc, string? LinkTarget)
{
    private const int Fields = 11;

    /// <summary>Permission bits (mode &amp; 07777).</summary>
    public int Permissions => Mode & 0xFFF;

    /// <summary>'f', 'd' or 'l' like <see cref="Pkgify.TestSupport.TreeEntry.Type"/>.</summary>
    public char Type => (Mode & 0xF000) switch { 0x4000 => 'd', 0xA000 => 'l', 0x8000 => 'f', _ => '?' };

    /// <summary>
    /// Parses one line. Paths may contain spaces (rpm prints them raw), so fields are taken from the right:
    /// everything before the last ten fields is the path. Symlink targets in the tests have no spaces.
    /// </summary>
    public static RpmDumpLine Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length < Fields)
            throw new FormatException($"not an rpm --dump line: {line}");
        var f = parts[^(Fields - 1)..];
        var path = string.Join(' ', parts[..^(Fields - 1)]);
        var digest = f[2].All(c => c == '0') ? null : f[2];
        return new RpmDumpLine(path, long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture),
            digest, Convert.ToInt32(f[3], 8), f[4], f[5], f[6] == "1", f[7] == "1", f[9] == "X" ? null : f[9]);
    }
}
