using NUnit.Framework;
using Pkgify.Formats.Cpio;
using Shouldly;

namespace Pkgify.Formats.Tests.Cpio;

public class CpioArchiveReaderTests
{
    [TestCase("newc")]
    [TestCase("crc")]
    public void Reads_what_gnu_cpio_writes(string format)
    {
        using var dir = new TempDir();
        string tree = Directory.CreateDirectory(dir.Path("tree/d")).Parent!.FullName;
        File.WriteAllText(Path.Combine(tree, "d/f.txt"), "some text\n");
        ToolRunner.RunChecked("chmod", ["0640", Path.Combine(tree, "d/f.txt")]);
        File.WriteAllBytes(Path.Combine(tree, "d/empty"), []);
        File.CreateSymbolicLink(Path.Combine(tree, "d/l"), "f.txt");
        File.WriteAllText(Path.Combine(tree, "d/h1"), "hello");
        ToolRunner.RunChecked("ln", [Path.Combine(tree, "d/h1"), Path.Combine(tree, "d/h2")]);

        byte[] archive = ToolRunner.RunBytesChecked("sh", ["-c", $"find . | LC_ALL=C sort | cpio -o -H {format}"], tree).StdOut;
        // GNU cpio pads the archive to 512-byte blocks; the reader must stop at the trailer regardless.
        (archive.Length % 512).ShouldBe(0);

        var entries = ReadAll(new MemoryStream(archive));
        // GNU cpio drops the "./" that find prints.
        entries.Keys.ShouldBe([".", "d", "d/empty", "d/f.txt", "d/h1", "d/h2", "d/l"], ignoreOrder: true);
        entries["d"].Header.Mode.ShouldBe(Stat(tree, "d"));
        entries["d/f.txt"].Header.Mode.ShouldBe(0x81A0); // 0100640
        entries["d/f.txt"].Data.ShouldBe("some text\n"u8.ToArray());
        entries["d/empty"].Header.Size.ShouldBe(0);
        entries["d/l"].Header.Mode.ShouldBe(0xA1FF);     // 0120777
        entries["d/l"].Data.ShouldBe("f.txt"u8.ToArray());
        entries["d/f.txt"].Header.MTime.ShouldBe(new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(tree, "d/f.txt"))).ToUnixTimeSeconds());

        var h1 = entries["d/h1"].Header;
        var h2 = entries["d/h2"].Header;
        h1.Inode.ShouldBe(h2.Inode);
        h1.NLink.ShouldBe(2);
        h2.NLink.ShouldBe(2);
        // GNU cpio, like rpm, stores a newc hardlink set's data once, on the member written last.
        (entries["d/h1"].Data.Concat(entries["d/h2"].Data)).ShouldBe("hello"u8.ToArray());
        entries["d/h2"].Data.ShouldBe("hello"u8.ToArray());
    }

    [Test]
    public void Reads_our_archive_through_a_non_seekable_stream_and_stops_at_the_trailer()
    {
        byte[] archive = SampleCpioArchive.Write();
        using var reader = new CpioArchiveReader(new NonSeekableStream(new MemoryStream(archive)));
        foreach (var expected in SampleCpioArchive.Members)
        {
            var entry = reader.Next().ShouldNotBeNull();
            entry.Header.ShouldBe(expected.Header);
            entry.FileIndex.ShouldBeNull();
            if (expected.Header.Name != "./opt/app/run") // leave one unread: Next() must skip it
                ReadContent(entry).ShouldBe(expected.Data);
        }
        reader.Next().ShouldBeNull();
        reader.Next().ShouldBeNull();
        reader.BytesRead.ShouldBe(archive.Length);
    }

    [Test]
    public void Reads_stripped_members_with_sizes_from_the_resolver()
    {
        byte[] archive = WriteStripped();
        var sizes = new Dictionary<int, long> { [0] = 0, [3] = 5, [1] = 10 };
        using var reader = new CpioArchiveReader(new MemoryStream(archive), strippedSizeResolver: i => sizes[i]);

        var first = reader.Next().ShouldNotBeNull();
        (first.FileIndex, first.IsStripped, first.Header.Size, first.Header.Name).ShouldBe((0, true, 0L, ""));
        var second = reader.Next().ShouldNotBeNull();
        second.FileIndex.ShouldBe(3);
        ReadContent(second).ShouldBe("12345"u8.ToArray());
        var third = reader.Next().ShouldNotBeNull();
        third.FileIndex.ShouldBe(1);
        ReadContent(third).ShouldBe("abcdefghij"u8.ToArray());
        reader.Next().ShouldBeNull();
    }

    [Test]
    public void Stripped_member_without_a_resolver_is_damage()
    {
        using var reader = new CpioArchiveReader(new MemoryStream(WriteStripped()));
        Should.Throw<InvalidDataException>(() => reader.Next());
    }

    [Test]
    public void Every_truncation_is_reported_as_damage()
    {
        byte[] archive = SampleCpioArchive.Write();
        BoundedRun.Within(TimeSpan.FromSeconds(50), () =>
        {
            for (int length = 0; length < archive.Length; length++)
            {
                byte[] cut = archive[..length];
                Should.Throw<InvalidDataException>(() => Drain(new MemoryStream(cut)), $"cut at {length}");
                Should.Throw<InvalidDataException>(() => Drain(new NonSeekableStream(new MemoryStream(cut))), $"cut at {length}");
            }
        });
    }

    [Test]
    public void Bit_flips_are_read_or_rejected_cleanly_never_crash()
    {
        byte[] archive = SampleCpioArchive.Write();
        BoundedRun.Within(TimeSpan.FromSeconds(50), () =>
        {
            for (int at = 0; at < archive.Length; at++)
            {
                foreach (byte mask in new byte[] { 0x01, 0x10, 0x80, 0xFF })
                {
                    byte[] damaged = (byte[])archive.Clone();
                    damaged[at] ^= mask;
                    BoundedRun.AcceptsOrRejectsCleanly($"flip {mask:x2} at {at}", () => Drain(new MemoryStream(damaged)));
                }
            }
        });
    }

    [Test]
    public void Huge_declared_sizes_fail_without_allocating_them()
    {
        byte[] archive = SampleCpioArchive.Write();
        // ./etc/app.conf's header follows "./etc" (110-byte header + 6-byte name, no data) at 116;
        // its filesize is the 7th field after the 6-byte magic.
        const int fileSizeField = 116 + 6 + 6 * 8;
        archive.AsSpan(fileSizeField, 8).ToArray().ShouldBe("0000000c"u8.ToArray());
        "ffffffff"u8.CopyTo(archive.AsSpan(fileSizeField));
        Should.Throw<InvalidDataException>(() => Drain(new MemoryStream(archive)));
        Should.Throw<InvalidDataException>(() => Drain(new NonSeekableStream(new MemoryStream(archive))));
    }

    private static byte[] WriteStripped()
    {
        using var output = new MemoryStream();
        using (var writer = new CpioNewcWriter(output, leaveOpen: true))
        {
            writer.WriteStrippedEntry(0, 0, null);
            writer.WriteStrippedEntry(3, 5, new MemoryStream("12345"u8.ToArray()));
            writer.WriteStrippedEntry(1, 10, new MemoryStream("abcdefghij"u8.ToArray()));
            writer.Finish();
        }
        return output.ToArray();
    }

    private sealed record ReadEntry(CpioEntryHeader Header, byte[] Data);

    private static Dictionary<string, ReadEntry> ReadAll(Stream archive)
    {
        var result = new Dictionary<string, ReadEntry>();
        using var reader = new CpioArchiveReader(archive);
        while (reader.Next() is { } entry)
            result.Add(entry.Header.Name, new ReadEntry(entry.Header, ReadContent(entry)));
        return result;
    }

    private static void Drain(Stream archive)
    {
        using var reader = new CpioArchiveReader(archive, strippedSizeResolver: _ => 0);
        while (reader.Next() is { } entry)
            entry.Content.CopyTo(Stream.Null);
    }

    private static byte[] ReadContent(CpioEntry entry)
    {
        using var data = new MemoryStream();
        entry.Content.CopyTo(data);
        return data.ToArray();
    }

    private static int Stat(string dir, string relative) =>
        Convert.ToInt32(ToolRunner.RunChecked("stat", ["-c", "%f", Path.Combine(dir, relative)]).StdOut.Trim(), 16);
}
