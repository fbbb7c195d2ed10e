using Pkgify.Formats.Tar;
using static Pkgify.Formats.Tests.Tar.TarFixtures;

namespace Pkgify.Formats.Tests.Tar;

/// <summary>Writer contract: validation, exact content sizes, end-of-archive handling and byte counting.</summary>
public class GnuTarWriterTests
{
    private static readonly TarEntryHeader File5 = new("./f", TarEntryType.Regular, Modes.M0644, MTime, 5);

    [TestCase("")]
    [TestCase("./a\0b")]
    public void RejectsEmptyNamesAndNul(string name) =>
        Should.Throw<ArgumentException>(() => Write([FixtureEntry.File(name, "x")]));

    [Test]
    public void RejectsInvalidHeaders()
    {
        TarEntryHeader[] invalid =
        [
            File5 with { Name = "./f/" },
            File5 with { Mode = 0x1000 },
            File5 with { Mode = -1 },
            File5 with { Uid = -1 },
            File5 with { UserName = new string('u', 32) },
            File5 with { GroupName = "a\0b" },
            File5 with { LinkName = "target" },
            File5 with { Type = TarEntryType.Symlink, LinkName = "" },
            File5 with { Type = TarEntryType.Hardlink, Size = 0, LinkName = "" },
            File5 with { Type = TarEntryType.Directory },
            File5 with { Type = TarEntryType.Other, Size = 0 },
        ];
        foreach (var header in invalid)
        {
            using var writer = new GnuTarWriter(new MemoryStream());
            Should.Throw<ArgumentException>(() => writer.WriteEntry(header, new byte[header.Size]), header.ToString());
        }
    }

    [TestCase(4)]
    [TestCase(6)]
    public void AContentStreamOfTheWrongLengthIsAnIOException(int actual)
    {
        using var writer = new GnuTarWriter(new MemoryStream());
        Should.Throw<IOException>(() => writer.WriteEntry(File5, new MemoryStream(new byte[actual])));

        // The archive is broken half-way: refuse to go on rather than write a corrupt archive.
        Should.Throw<InvalidOperationException>(() => writer.WriteEntry(File5, new byte[5]));
    }

    [Test]
    public void ASpanOfTheWrongLengthIsRejectedBeforeWriting()
    {
        var output = new MemoryStream();
        using var writer = new GnuTarWriter(output);
        Should.Throw<ArgumentException>(() => writer.WriteEntry(File5, new byte[4]));
        output.Length.ShouldBe(0);
    }

    [Test]
    public void FinishIsIdempotentAndCountsEveryByte()
    {
        var output = new MemoryStream();
        var writer = new GnuTarWriter(output, leaveOpen: true);
        writer.WriteEntry(File5, new MemoryStream("hello"u8.ToArray()));
        writer.WriteEntry(FixtureEntry.Directory("./d").Header);
        writer.BytesWritten.ShouldBe(512 + 512 + 512);
        writer.Finish();
        writer.Finish();
        writer.Dispose();

        writer.BytesWritten.ShouldBe(5 * 512);
        output.Length.ShouldBe(writer.BytesWritten);
        Should.Throw<ObjectDisposedException>(() => writer.WriteEntry(File5, new byte[5]));
    }

    [Test]
    public void NoEntriesAfterFinish()
    {
        using var writer = new GnuTarWriter(new MemoryStream());
        writer.Finish();
        Should.Throw<InvalidOperationException>(() => writer.WriteEntry(File5, new byte[5]));
    }

    [Test]
    public void DisposeClosesTheOutputUnlessLeftOpen()
    {
        var closed = new MemoryStream();
        new GnuTarWriter(closed).Dispose();
        closed.CanWrite.ShouldBeFalse();

        var open = new MemoryStream();
        new GnuTarWriter(open, leaveOpen: true).Dispose();
        open.ToArray().ShouldBe(new byte[1024]);
    }

    [Test]
    public void DirectoryNamesGetATrailingSlash()
    {
        var archive = Write([FixtureEntry.Directory("./usr"), FixtureEntry.Directory("./etc/")]);
        ReadAll(new MemoryStream(archive)).Select(e => e.Header.Name).ShouldBe(["./usr/", "./etc/"]);
    }

    [Test]
    public void OutputDependsOnlyOnTheEntries()
    {
        FixtureEntry[] entries = [FixtureEntry.Directory("./"), FixtureEntry.File(NameOfLength(200, 'x'), "same")];
        Write(entries).ShouldBe(Write(entries));
    }

    [Test]
    public void OurReaderReadsBackEveryFieldOfOurWriter()
    {
        FixtureEntry[] entries =
        [
            new(new TarEntryHeader("./dev", TarEntryType.CharDevice, Modes.M0600, MTime, 0), []),
            new(new TarEntryHeader("./blk", TarEntryType.BlockDevice, Modes.M0600, MTime, 0), []),
            new(new TarEntryHeader("./fifo", TarEntryType.Fifo, Modes.M0644, -5, 0, 1 << 30, 7, "u", "g"), []),
            FixtureEntry.File(NameOfLength(300, 'y'), "content", Modes.M0750),
            FixtureEntry.Hardlink("./h", NameOfLength(300, 'y')),
        ];
        ReadAll(new MemoryStream(Write(entries))).Select(e => e.Header).ShouldBe(entries.Select(e => e.Header));
    }

    [Test]
    public void GnuTarListsOurDevicesAndFifos()
    {
        using var dir = new TempDir();
        var archive = dir.Path("dev.tar");
        File.WriteAllBytes(archive, Write(
        [
            new(new TarEntryHeader("./dev", TarEntryType.CharDevice, Modes.M0600, MTime, 0), []),
            new(new TarEntryHeader("./blk", TarEntryType.BlockDevice, Modes.M0600, MTime, 0), []),
            new(new TarEntryHeader("./fifo", TarEntryType.Fifo, Modes.M0644, MTime, 0), []),
        ]));
        var lines = ToolRunner.RunChecked("tar", ["-tvf", archive]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l[..10]).ShouldBe(["crw-------", "brw-------", "prw-r--r--"]);
    }
}
