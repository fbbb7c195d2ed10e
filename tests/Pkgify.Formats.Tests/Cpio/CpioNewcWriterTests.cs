using System.Text;
using NUnit.Framework;
using Pkgify.Formats.Cpio;
using Shouldly;

namespace Pkgify.Formats.Tests.Cpio;

public class CpioNewcWriterTests
{
    [Test]
    public void Entry_and_trailer_match_hand_annotated_bytes()
    {
        using var output = new MemoryStream();
        using (var writer = new CpioNewcWriter(output, leaveOpen: true))
        {
            writer.WriteEntry(new CpioEntryHeader("./a", 0x81A4, 3, 0x5F5E100, Inode: 1), new MemoryStream("hi\n"u8.ToArray()));
            writer.Finish();
            writer.BytesWritten.ShouldBe(244);
        }

        byte[] expected = Concat(
            Ascii("070701"),   // magic: newc
            Ascii("00000001"), // ino
            Ascii("000081a4"), // mode 0100644, lowercase %08x like rpm and GNU cpio
            Ascii("00000000"), // uid
            Ascii("00000000"), // gid
            Ascii("00000001"), // nlink
            Ascii("05f5e100"), // mtime
            Ascii("00000003"), // filesize
            Ascii("00000000"), // devmajor
            Ascii("00000000"), // devminor
            Ascii("00000000"), // rdevmajor
            Ascii("00000000"), // rdevminor
            Ascii("00000004"), // namesize: "./a" + NUL
            Ascii("00000000"), // check: unused in newc
            Ascii("./a\0"),    // name at 110..113
            Zeros(2),          // pad to 116
            Ascii("hi\n"),     // data at 116..118
            Zeros(1),          // pad to 120
            Ascii("070701"),   // trailer: magic
            Ascii("00000000"), Ascii("00000000"), Ascii("00000000"), Ascii("00000000"), // ino mode uid gid
            Ascii("00000001"), // nlink 1
            Ascii("00000000"), Ascii("00000000"), Ascii("00000000"), Ascii("00000000"), // mtime size devmaj devmin
            Ascii("00000000"), Ascii("00000000"), // rdevmajor rdevminor
            Ascii("0000000b"), // namesize 11
            Ascii("00000000"), // check
            Ascii("TRAILER!!!\0"), // name at 230..240
            Zeros(3));         // pad to 244 — and no 512-byte block padding (rpm)
        output.ToArray().ShouldBe(expected);
    }

    [Test]
    public void Stripped_entries_are_magic_index_padding_data_padding()
    {
        using var output = new MemoryStream();
        using (var writer = new CpioNewcWriter(output, leaveOpen: true))
        {
            writer.WriteStrippedEntry(2, 6, new MemoryStream("small\n"u8.ToArray()));
            writer.BytesWritten.ShouldBe(24);
        }

        output.ToArray().ShouldBe(Concat(
            Ascii("07070X"),   // rpm stripped magic
            Ascii("00000002"), // index into the rpm header's file arrays
            Zeros(2),          // pad 14 -> 16
            Ascii("small\n"),  // data 16..21
            Zeros(2)));        // pad 22 -> 24
    }

    [Test]
    public void Gnu_cpio_extracts_names_modes_symlink_contents_and_the_rpm_style_hardlink_pair()
    {
        using var dir = new TempDir();
        byte[] archive = SampleCpioArchive.Write();

        var listing = ToolRunner.RunChecked("cpio", ["-t"], dir.Root, stdin: archive);
        listing.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(SampleCpioArchive.Members.Select(m => m.Header.Name).ToArray());

        ToolRunner.RunChecked("cpio", ["-idmv", "--no-absolute-filenames"], dir.Root, stdin: archive);

        foreach (var member in SampleCpioArchive.Members)
        {
            string path = dir.Path(member.Header.Name[2..]);
            var stat = Stat(path);
            stat.Mode.ShouldBe(member.Header.Mode, $"st_mode of {member.Header.Name}");
            if ((member.Header.Mode & 0xF000) == 0x8000)
                File.ReadAllBytes(path).ShouldBe(member.Header.Name.EndsWith("a.dat") ? "linked"u8.ToArray() : member.Data);
            // Directories get new children after cpio set their time, and symlinks keep the extraction time.
            if ((member.Header.Mode & 0xF000) == 0x8000)
                stat.MTime.ShouldBe(SampleCpioArchive.MTime, $"mtime of {member.Header.Name}");
        }
        new FileInfo(dir.Path("opt/app/link")).LinkTarget.ShouldBe("run");
        var a = Stat(dir.Path("opt/app/a.dat"));
        var b = Stat(dir.Path("opt/app/b.dat"));
        a.Inode.ShouldBe(b.Inode, "a.dat and b.dat must be one file");
        a.Links.ShouldBe(2);
    }

    [Test]
    public void Finish_is_idempotent_and_closes_the_archive()
    {
        using var output = new MemoryStream();
        using var writer = new CpioNewcWriter(output, leaveOpen: true);
        writer.Finish();
        long length = output.Length;
        writer.Finish();
        output.Length.ShouldBe(length);
        Should.Throw<InvalidOperationException>(() => writer.WriteEntry(new CpioEntryHeader("./x", 0x81A4, 0, 0), null));
    }

    [Test]
    public void Refuses_what_newc_cannot_store_and_content_shorter_than_declared()
    {
        using var writer = new CpioNewcWriter(new MemoryStream());
        Should.Throw<ArgumentOutOfRangeException>(() =>
            writer.WriteEntry(new CpioEntryHeader("./big", 0x81A4, 1L << 32, 0), new MemoryStream()));
        Should.Throw<ArgumentOutOfRangeException>(() =>
            writer.WriteEntry(new CpioEntryHeader("./old", 0x81A4, 0, -1), null));
        Should.Throw<ArgumentException>(() => writer.WriteEntry(new CpioEntryHeader("", 0x81A4, 0, 0), null));
        Should.Throw<ArgumentException>(() => writer.WriteEntry(new CpioEntryHeader("./x", 0x81A4, 4, 0), null));
        Should.Throw<EndOfStreamException>(() =>
            writer.WriteEntry(new CpioEntryHeader("./short", 0x81A4, 10, 0), new MemoryStream(new byte[4])));
    }

    private sealed record StatResult(int Mode, long MTime, long Inode, int Links);

    /// <summary>`stat` itself, so that the file system's view is not filtered through .NET.</summary>
    private static StatResult Stat(string path)
    {
        string[] f = ToolRunner.RunChecked("stat", ["-c", "%f %Y %i %h", path]).StdOut.Trim().Split(' ');
        return new StatResult(Convert.ToInt32(f[0], 16), long.Parse(f[1]), long.Parse(f[2]), int.Parse(f[3]));
    }

    internal static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
    internal static byte[] Zeros(int n) => new byte[n];
    internal static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
