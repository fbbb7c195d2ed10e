using System.Text;
using Pkgify.Formats.Tar;

namespace Pkgify.Formats.Tests.Tar;

/// <summary>Permission bits by their usual octal spelling (C# has no octal literals).</summary>
internal static class Modes
{
    public const int M0600 = 0x180;
    public const int M0640 = 0x1A0;
    public const int M0644 = 0x1A4;
    public const int M0750 = 0x1E8;
    public const int M0755 = 0x1ED;
    public const int M0777 = 0x1FF;
}

/// <summary>An entry to write and the content it carries.</summary>
internal sealed record FixtureEntry(TarEntryHeader Header, byte[] Content)
{
    public static FixtureEntry Directory(string name, int mode = Modes.M0755, long mtime = TarFixtures.MTime) =>
        new(new TarEntryHeader(name, TarEntryType.Directory, mode, mtime, 0), []);

    public static FixtureEntry File(string name, string content, int mode = Modes.M0644, long mtime = TarFixtures.MTime) =>
        File(name, Encoding.UTF8.GetBytes(content), mode, mtime);

    public static FixtureEntry File(string name, byte[] content, int mode = Modes.M0644, long mtime = TarFixtures.MTime) =>
        new(new TarEntryHeader(name, TarEntryType.Regular, mode, mtime, content.Length), content);

    public static FixtureEntry Symlink(string name, string target) =>
        new(new TarEntryHeader(name, TarEntryType.Symlink, Modes.M0777, TarFixtures.MTime, 0, LinkName: target), []);

    public static FixtureEntry Hardlink(string name, string target, int mode = Modes.M0644) =>
        new(new TarEntryHeader(name, TarEntryType.Hardlink, mode, TarFixtures.MTime, 0, LinkName: target), []);
}

/// <summary>Helpers shared by the tar tests.</summary>
internal static class TarFixtures
{
    /// <summary>2023-11-14 22:13:20 UTC, the SOURCE_DATE_EPOCH used throughout.</summary>
    public const long MTime = 1_700_000_000;

    /// <summary>Writes <paramref name="entries"/> with <see cref="GnuTarWriter"/> and returns the archive bytes.</summary>
    public static byte[] Write(IEnumerable<FixtureEntry> entries)
    {
        using var output = new MemoryStream();
        using (var writer = new GnuTarWriter(output, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry.Header, entry.Content);
            }
        }

        return output.ToArray();
    }

    /// <summary>"./" followed by <paramref name="fill"/> repeated so the whole name is <paramref name="length"/> bytes.</summary>
    public static string NameOfLength(int length, char fill) => "./" + new string(fill, length - 2);

    /// <summary>Reads every entry and its whole content.</summary>
    public static List<(TarEntryHeader Header, byte[] Content)> ReadAll(Stream archive, TarReaderLimits? limits = null)
    {
        var result = new List<(TarEntryHeader, byte[])>();
        using var reader = new TarArchiveReader(archive, leaveOpen: true, limits);
        while (reader.Next() is { } entry)
        {
            using var content = new MemoryStream();
            entry.Content.CopyTo(content);
            result.Add((entry.Header, content.ToArray()));
        }

        return result;
    }

    /// <summary>The permission string ls and tar print, e.g. "-rw-r--r--".</summary>
    public static string ModeString(TarEntryType type, int mode)
    {
        var typeChar = type switch
        {
            TarEntryType.Directory => 'd',
            TarEntryType.Symlink => 'l',
            TarEntryType.Hardlink => 'h',
            _ => '-',
        };
        var text = new StringBuilder().Append(typeChar);
        const string letters = "rwxrwxrwx";
        for (var bit = 0; bit < letters.Length; bit++)
        {
            text.Append((mode & (1 << (8 - bit))) != 0 ? letters[bit] : '-');
        }

        return text.ToString();
    }
}
