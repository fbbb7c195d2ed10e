using System.Text;
using Pkgify.Formats.Cpio;

namespace Pkgify.Formats.Tests.Cpio;

/// <summary>
/// A small archive written the way rpm writes payloads (formats.md §2.10): directories, a regular file, an
/// executable, a relative symlink, then a hardlink pair whose first member is empty and whose last member
/// carries the data, all members of the set with the same inode and nlink 2.
/// </summary>
internal static class SampleCpioArchive
{
    public const long MTime = 1_700_000_000;
    public const int HardlinkInode = 7;

    public sealed record Member(CpioEntryHeader Header, byte[] Data);

    public static IReadOnlyList<Member> Members { get; } =
    [
        Dir("./etc", 1),
        File("./etc/app.conf", 0x81A0 /* 0100640 */, 2, "key = value\n"),
        Dir("./opt", 3),
        Dir("./opt/app", 4),
        File("./opt/app/run", 0x81ED /* 0100755 */, 5, "#!/bin/sh\necho run\n"),
        new(new CpioEntryHeader("./opt/app/link", 0xA1FF /* 0120777 */, 3, MTime, Inode: 6), "run"u8.ToArray()),
        // Hardlink set last; only its last member carries the data (rpm's iterReadArchiveNext expects that).
        new(new CpioEntryHeader("./opt/app/a.dat", 0x81A4, 0, MTime, Inode: HardlinkInode, NLink: 2), []),
        new(new CpioEntryHeader("./opt/app/b.dat", 0x81A4, 6, MTime, Inode: HardlinkInode, NLink: 2), "linked"u8.ToArray()),
    ];

    public static byte[] Write()
    {
        using var output = new MemoryStream();
        using (var writer = new CpioNewcWriter(output, leaveOpen: true))
        {
            foreach (var member in Members)
                writer.WriteEntry(member.Header, new MemoryStream(member.Data));
            writer.Finish();
        }
        return output.ToArray();
    }

    private static Member Dir(string name, int inode) =>
        new(new CpioEntryHeader(name, 0x41ED /* 040755 */, 0, MTime, Inode: inode, NLink: 2), []);

    private static Member File(string name, int mode, int inode, string text)
    {
        byte[] data = Encoding.UTF8.GetBytes(text);
        return new(new CpioEntryHeader(name, mode, data.Length, MTime, Inode: inode), data);
    }
}
