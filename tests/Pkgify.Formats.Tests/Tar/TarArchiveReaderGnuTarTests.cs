using System.IO.Compression;
using System.Text;
using Pkgify.Formats.Tar;
using static Pkgify.Formats.Tests.Tar.TarFixtures;

namespace Pkgify.Formats.Tests.Tar;

/// <summary><see cref="TarArchiveReader"/> on archives that GNU tar writes in each of its formats.</summary>
public class TarArchiveReaderGnuTarTests
{
    /// <summary>Splittable into a ustar prefix (≤ 155) and name (≤ 100): 60 + '/' + 70 bytes.</summary>
    private static readonly string UstarLongName = new string('u', 60) + "/" + new string('v', 70);

    /// <summary>One 200-byte component: only GNU 'L' entries or PAX records can hold it.</summary>
    private static readonly string VeryLongName = new string('w', 200);

    private static readonly string LongTarget = new string('t', 150);

    private sealed record Expected(string Name, TarEntryType Type, string Content = "", string Link = "");

    [TestCase("gnu", true)]
    [TestCase("oldgnu", true)]
    [TestCase("ustar", false)]
    [TestCase("pax", true)]
    public void ReadsNamesTypesSizesContentAndLinks(string format, bool unlimitedNames)
    {
        using var dir = new TempDir();
        var expected = MakeTree(dir.Path("tree"), unlimitedNames);
        var archive = Create(dir, format, expected);

        Check(ReadAll(File.OpenRead(archive)), expected);
    }

    [Test]
    public void ReadsV7Archives()
    {
        using var dir = new TempDir();
        var expected = MakeTree(dir.Path("tree"), withLongNames: false).Where(e => e.Name.Length < 100).ToArray();
        var archive = Create(dir, "v7", expected);

        var entries = ReadAll(File.OpenRead(archive));
        Check(entries, expected);
        entries.ShouldAllBe(e => e.Header.UserName == "" && e.Header.GroupName == ""); // v7 has no owner names
    }

    [Test]
    public void ReadsAGzippedArchiveThroughANonSeekableDecompressor()
    {
        using var dir = new TempDir();
        var expected = MakeTree(dir.Path("tree"), withLongNames: true);
        var archive = Create(dir, "gnu", expected, "--gzip");

        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        Check(ReadAll(gzip), expected);
    }

    [Test]
    public void AppliesPaxGlobalAndPerFileRecordsAsGnuTarDoes()
    {
        using var dir = new TempDir();
        var expected = MakeTree(dir.Path("tree"), withLongNames: true);

        // "k=v" goes into a global 'g' header, "k:=v" into each file's 'x' header (GNU tar manual, --pax-option).
        var archive = Create(dir, "pax", expected, "--pax-option=uname=globaluser,gname:=filegroup,mtime:=1234567890.5");
        var listing = ToolRunner.RunChecked("tar", ["-tvf", archive, "--full-time"]).StdOut;

        var entries = ReadAll(File.OpenRead(archive));
        Check(entries, expected);
        listing.ShouldContain("globaluser/filegroup");
        entries.ShouldAllBe(e => e.Header.UserName == "globaluser" && e.Header.GroupName == "filegroup" && e.Header.MTime == 1_234_567_890);
    }

    [Test]
    public void ReadsGnuBase256NumbersAndNegativeTimes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("f"), "x\n");
        ToolRunner.RunChecked("touch", ["-d", "@-1000", dir.Path("f")]);
        var archive = dir.Path("a.tar");
        ToolRunner.RunChecked("tar", ["--format=gnu", "--owner=alice:3000000", "--group=staff:4000000", "-cf", archive, "f"], dir.Root);

        var entry = ReadAll(File.OpenRead(archive)).ShouldHaveSingleItem().Header;
        entry.ShouldBe(new TarEntryHeader("f", TarEntryType.Regular, Modes.M0644, -1000, 2, 3_000_000, 4_000_000, "alice", "staff"));
    }

    private static Expected[] MakeTree(string tree, bool withLongNames)
    {
        var expected = new List<Expected>
        {
            new("d/", TarEntryType.Directory),
            new("d/f.txt", TarEntryType.Regular, "hello\n"),
            new("d/empty", TarEntryType.Regular),
            new(UstarLongName.Split('/')[0] + "/", TarEntryType.Directory),
            new(UstarLongName, TarEntryType.Regular, "split into prefix and name\n"),
            new("link", TarEntryType.Symlink, Link: "d/f.txt"),
            new("hard", TarEntryType.Hardlink, Link: "d/f.txt"),
        };
        if (withLongNames)
        {
            expected.Add(new(VeryLongName, TarEntryType.Regular, new string('c', 1000)));
            expected.Add(new("long-link", TarEntryType.Symlink, Link: LongTarget));
            expected.Add(new("ünïcødé.txt", TarEntryType.Regular, "utf-8\n"));
        }

        foreach (var e in expected)
        {
            var path = Path.Combine(tree, e.Name);
            switch (e.Type)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case TarEntryType.Symlink:
                    File.CreateSymbolicLink(path, e.Link);
                    break;
                case TarEntryType.Hardlink:
                    ToolRunner.RunChecked("ln", [Path.Combine(tree, e.Link), path]);
                    break;
                default:
                    File.WriteAllText(path, e.Content);
                    break;
            }
        }

        return expected.ToArray();
    }

    private static string Create(TempDir dir, string format, IEnumerable<Expected> entries, params string[] extra)
    {
        var archive = dir.Path($"{format}.tar");
        var names = entries.Select(e => e.Name.TrimEnd('/'));
        ToolRunner.RunChecked("tar", ["-c", $"--format={format}", "--no-recursion", .. extra, "-f", archive, .. names], dir.Path("tree"));
        return archive;
    }

    private static void Check(List<(TarEntryHeader Header, byte[] Content)> entries, Expected[] expected)
    {
        entries.Select(e => e.Header.Name).ShouldBe(expected.Select(e => e.Name));
        foreach (var ((header, content), e) in entries.Zip(expected))
        {
            header.Type.ShouldBe(e.Type, e.Name);
            Encoding.UTF8.GetString(content).ShouldBe(e.Content, e.Name);
            header.Size.ShouldBe(content.Length, e.Name);
            header.LinkName.ShouldBe(e.Link, e.Name);
        }
    }
}
