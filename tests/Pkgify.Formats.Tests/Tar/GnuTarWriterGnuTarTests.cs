using System.Globalization;
using System.Text.RegularExpressions;
using Pkgify.Formats.Tar;
using static Pkgify.Formats.Tests.Tar.TarFixtures;

namespace Pkgify.Formats.Tests.Tar;

/// <summary>Archives written by <see cref="GnuTarWriter"/>, listed and extracted by GNU tar.</summary>
public class GnuTarWriterGnuTarTests
{
    private static readonly string LongDir = "./" + new string('p', 150) + "/";
    private static readonly string Name300 = LongDir + new string('q', 300 - LongDir.Length);
    private static readonly string Name255 = NameOfLength(255, 'd');

    /// <summary>Names of 99/100/101/255/300 bytes, UTF-8, long link targets, modes, owners, an empty file.</summary>
    private static readonly FixtureEntry[] Entries =
    [
        FixtureEntry.Directory("./"),
        FixtureEntry.File(NameOfLength(99, 'a'), "ninety-nine\n"),
        FixtureEntry.File(NameOfLength(100, 'b'), "#!/bin/sh\necho hundred\n", Modes.M0755),
        FixtureEntry.File(NameOfLength(101, 'c'), "secret\n", Modes.M0600),
        FixtureEntry.File(Name255, "two hundred fifty-five\n"),
        FixtureEntry.Directory(LongDir, Modes.M0750),
        FixtureEntry.File(Name300, "three hundred\n", mtime: 1_600_000_000),
        FixtureEntry.Directory("./ünïcødé"),
        FixtureEntry.File("./ünïcødé/日本.txt", "こんにちは\n"),
        FixtureEntry.File("./empty", ""),
        new(new TarEntryHeader("./owned", TarEntryType.Regular, Modes.M0640, MTime, 5, 1001, 1002, "alice", "staff"), "mine\n"u8.ToArray()),
        FixtureEntry.Symlink("./rel-link", Name300[2..]),
        FixtureEntry.Symlink("./abs-link", "/opt/" + new string('z', 120) + "/target"),
        FixtureEntry.Hardlink(NameOfLength(110, 'h'), Name255),
        FixtureEntry.Hardlink("./short-hard", NameOfLength(101, 'c'), Modes.M0600),
    ];

    [Test]
    public void GnuTarListsExactlyOurNamesTypesModesOwnersSizesAndTargets()
    {
        using var dir = new TempDir();
        var archive = dir.Path("out.tar");
        File.WriteAllBytes(archive, Write(Entries));

        var numeric = List(archive, "--numeric-owner");
        numeric.ShouldBe(Entries.Select(e => ExpectedLine(e.Header, $"{e.Header.Uid}/{e.Header.Gid}")).ToArray());

        var named = List(archive);
        named.ShouldBe(Entries.Select(e => ExpectedLine(e.Header, $"{e.Header.UserName}/{e.Header.GroupName}")).ToArray());
    }

    [Test]
    public void GnuTarExtractsExactlyOurTree()
    {
        using var dir = new TempDir();
        var archive = dir.Path("out.tar");
        var root = dir.Path("x");
        Directory.CreateDirectory(root);
        File.WriteAllBytes(archive, Write(Entries));

        // --numeric-owner: restore the ids even where a name (like "staff") exists on the host with another id.
        ToolRunner.RunChecked("tar", ["-x", "--numeric-owner", "-f", archive, "-C", root]);

        foreach (var (header, content) in Entries.Select(e => (e.Header, e.Content)))
        {
            var path = Path.Combine(root, header.Name);
            var stat = Stat(path);
            switch (header.Type)
            {
                case TarEntryType.Regular:
                    File.ReadAllBytes(path).ShouldBe(content, header.Name);
                    break;
                case TarEntryType.Symlink:
                    new FileInfo(path).LinkTarget.ShouldBe(header.LinkName);
                    continue; // a symlink's own mode, owner and time are not restored by tar
                case TarEntryType.Hardlink:
                    stat.Inode.ShouldBe(Stat(Path.Combine(root, header.LinkName)).Inode, header.Name);
                    continue; // shares everything with its target
            }

            stat.Mode.ShouldBe(header.Mode, header.Name);
            (stat.Uid, stat.Gid).ShouldBe((header.Uid, header.Gid), header.Name);
            stat.MTime.ShouldBe(header.MTime, header.Name);
        }
    }

    private static string[] List(string archive, params string[] extra) =>
        ToolRunner.RunChecked("tar", ["--list", "--verbose", "--full-time", "--quoting-style=literal", .. extra, "-f", archive])
            .StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Regex.Replace(line, " +", " "))
            .ToArray();

    /// <summary>A line of <c>tar -tv --full-time</c> with runs of spaces collapsed.</summary>
    private static string ExpectedLine(TarEntryHeader h, string owner)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(h.MTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var name = h.Type == TarEntryType.Directory && !h.Name.EndsWith('/') ? h.Name + "/" : h.Name;
        var suffix = h.Type switch
        {
            TarEntryType.Symlink => " -> " + h.LinkName,
            TarEntryType.Hardlink => " link to " + h.LinkName,
            _ => "",
        };
        return $"{ModeString(h.Type, h.Mode)} {owner} {h.Size} {time} {name}{suffix}";
    }

    private sealed record StatResult(int Mode, long Uid, long Gid, long MTime, string Inode);

    private static StatResult Stat(string path)
    {
        var fields = ToolRunner.RunChecked("stat", ["--format=%a %u %g %Y %i", path]).StdOut.Trim().Split(' ');
        return new StatResult(Convert.ToInt32(fields[0], 8), long.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[3], CultureInfo.InvariantCulture), fields[4]);
    }
}
