using Pkgify.Formats.Ar;
using Pkgify.Formats.Tar;
using static Pkgify.Formats.Tests.Tar.TarFixtures;

namespace Pkgify.Formats.Tests.Tar;

/// <summary>
/// Our archive must be byte-identical to GNU tar's and dpkg-deb's for the same tree. dpkg-deb 1.21 runs
/// <c>tar -cf - --format=gnu --null --no-unquote --no-recursion --mtime=@T --clamp-mtime --owner root:0
/// --group root:0 -T -</c> (flags read from the dpkg-deb binary); we run the same, with <c>-b 1</c> so GNU tar does
/// not pad the archive to a 10240-byte record.
/// </summary>
public class GnuTarWriterByteVectorTests
{
    private static readonly string LongName = NameOfLength(130, 'n');
    private static readonly string LongTarget = "../" + new string('t', 120);

    /// <summary>In the order dpkg-deb feeds tar: sorted tree walk, symlinks last.</summary>
    private static readonly FixtureEntry[] Entries =
    [
        FixtureEntry.Directory("./"),
        FixtureEntry.Directory("./d"),
        FixtureEntry.File("./d/f.txt", "hello\n"),
        FixtureEntry.File("./d/run", "#!/bin/sh\nexit 0\n", Modes.M0755),
        FixtureEntry.File(LongName, "long\n"),
        FixtureEntry.Symlink("./link", "d/f.txt"),
        FixtureEntry.Symlink("./long-link", LongTarget),
    ];

    [Test]
    public void EqualsGnuTarRunAsDpkgDebRunsIt()
    {
        using var dir = new TempDir();
        var tree = MakeTree(dir);
        var list = dir.Path("list");
        File.WriteAllText(list, string.Join('\0', Entries.Select(e => e.Header.Name.TrimEnd('/') is "." or "" ? "." : e.Header.Name.TrimEnd('/'))) + "\0");

        var gnu = ToolRunner.RunBytesChecked("tar",
        [
            "-cf", "-", "-b", "1", "--format=gnu", "--null", "--no-unquote", "--no-recursion",
            $"--mtime=@{MTime}", "--clamp-mtime", "--owner", "root:0", "--group", "root:0", "-T", list,
        ], tree).StdOut;

        Write(Entries).ShouldBe(gnu);
    }

    [Test]
    public void EqualsTheDataTarThatDpkgDebBuilds()
    {
        using var dir = new TempDir();
        var tree = MakeTree(dir);
        var debian = Path.Combine(tree, "DEBIAN");
        Directory.CreateDirectory(debian);
        File.WriteAllText(Path.Combine(debian, "control"),
            "Package: vector\nVersion: 1.0\nArchitecture: all\nMaintainer: Test <t@example.com>\nDescription: vector\n");
        var deb = dir.Path("vector.deb");
        ToolRunner.RunChecked("dpkg-deb", ["--root-owner-group", "-Znone", "--build", tree, deb],
            env: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = MTime.ToString() });

        var dataTar = ExtractMember(deb, "data.tar");
        var ours = Write(Entries);

        // dpkg-deb's tar pads its output to a 10240-byte record with zeros after our two end blocks.
        dataTar.Length.ShouldBeGreaterThanOrEqualTo(ours.Length);
        dataTar[..ours.Length].ShouldBe(ours);
        dataTar[ours.Length..].ShouldAllBe(b => b == 0);
    }

    [Test]
    public void HeaderOfAFileOver8GiBEqualsGnuTarsBase256Header()
    {
        using var dir = new TempDir();
        const long size = (8L << 30) + 1;
        ToolRunner.RunChecked("truncate", ["-s", size.ToString(), dir.Path("big")]);
        SetMetadata(dir.Path("big"), Modes.M0644, MTime);

        // tar reads the sparse file lazily; head closes the pipe after the header.
        var gnu = ToolRunner.RunBytesChecked("sh", ["-c", "tar --format=gnu -cf - big | head -c 512"], dir.Root).StdOut;

        var header = new TarEntryHeader("big", TarEntryType.Regular, Modes.M0644, MTime, size);
        GnuHeaderEncoder.Encode(header).ShouldBe(gnu);
        gnu[124].ShouldBe((byte)0x80); // proves GNU tar itself chose base-256 for this size
    }

    [Test]
    public void StreamingMoreThan8GiBWritesTheBase256HeaderAndEveryByte()
    {
        const long size = (8L << 30) + 1;
        var header = new TarEntryHeader("big", TarEntryType.Regular, Modes.M0644, MTime, size);
        var sink = new HeadCapturingStream(512);
        using (var writer = new GnuTarWriter(sink))
        {
            writer.WriteEntry(header, new ZeroStream(size));
            writer.BytesWritten.ShouldBe(512 + size + 511);
        }

        sink.Head.ShouldBe(GnuHeaderEncoder.Encode(header));
        sink.Length.ShouldBe(512 + size + 511 + 1024);
    }

    [Test]
    public void NegativeMTimeAndBigIdsEqualGnuTarsBase256Fields()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("f"), "x\n");
        SetMetadata(dir.Path("f"), Modes.M0644, -1000);

        var negative = ToolRunner.RunBytesChecked("tar", ["--format=gnu", "-b", "1", "-cf", "-", "f"], dir.Root).StdOut;
        var bigIds = ToolRunner.RunBytesChecked("tar",
            ["--format=gnu", "-b", "1", $"--mtime=@{MTime}", "--owner=alice:3000000", "--group=staff:4000000", "-cf", "-", "f"],
            dir.Root).StdOut;

        Write([FixtureEntry.File("f", "x\n", mtime: -1000)]).ShouldBe(negative);
        Write([new(new TarEntryHeader("f", TarEntryType.Regular, Modes.M0644, MTime, 2, 3_000_000, 4_000_000, "alice", "staff"), "x\n"u8.ToArray())])
            .ShouldBe(bigIds);
    }

    private static string MakeTree(TempDir dir)
    {
        var tree = dir.Path("tree");
        foreach (var entry in Entries)
        {
            var path = Path.Combine(tree, entry.Header.Name);
            switch (entry.Header.Type)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case TarEntryType.Symlink:
                    File.CreateSymbolicLink(path, entry.Header.LinkName);
                    break;
                default:
                    File.WriteAllBytes(path, entry.Content);
                    break;
            }
        }

        // Children first, so setting a file's time does not disturb its directory's afterwards.
        foreach (var entry in Entries.Reverse())
        {
            if (entry.Header.Type != TarEntryType.Symlink)
            {
                SetMetadata(Path.Combine(tree, entry.Header.Name), entry.Header.Mode, entry.Header.MTime);
            }
        }

        return tree;
    }

    private static void SetMetadata(string path, int mode, long mtime)
    {
        ToolRunner.RunChecked("chmod", [Convert.ToString(mode, 8), path]);
        ToolRunner.RunChecked("touch", ["-h", "-d", $"@{mtime}", path]);
    }

    private static byte[] ExtractMember(string archive, string name)
    {
        using var reader = new ArArchiveReader(File.OpenRead(archive));
        while (reader.Next() is { } member)
        {
            if (member.Name == name)
            {
                using var content = new MemoryStream();
                member.Content.CopyTo(content);
                return content.ToArray();
            }
        }

        throw new AssertionException($"{archive} has no member {name}");
    }
}
