using Pkgify.Cli.Tests.Fuzz;
using Pkgify.Formats.Compression;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// A small .deb file that decompresses to a lot: control.tar.zst holds a valid control file plus members of
/// zeros (zstd shrinks a gigabyte of them to kilobytes), data.tar.zst is empty.
/// </summary>
public static class HostileDeb
{
    private const int Chunk = 1 << 20;

    public static void Write(string path, IEnumerable<(string Name, long Size)> extraControlMembers)
    {
        var control = "Package: bomb\nVersion: 1.0\nArchitecture: all\nMaintainer: x <x@example.com>\nDescription: a decompression bomb\n"u8.ToArray();
        using var controlTar = new MemoryStream();
        using (var zstd = CompressionCodec.OpenEncoder(controlTar, new CompressionOptions(CompressionKind.Zstd, 3, Threads: 1), leaveOpen: true))
        {
            zstd.Write(TarBytes.Header("./control", '0', control.Length));
            zstd.Write(TarBytes.Blocks(control));
            var zeros = new byte[Chunk];
            foreach (var (name, size) in extraControlMembers)
            {
                zstd.Write(TarBytes.Header(name, '0', size));
                for (var left = TarBytes.Padded(size); left > 0; left -= Chunk)
                    zstd.Write(zeros, 0, (int)Math.Min(Chunk, left));
            }
            zstd.Write(new byte[2 * TarBytes.Block]);
        }
        var dataTar = CompressedMember.Encode(new byte[2 * TarBytes.Block], CompressionKind.Zstd);
        File.WriteAllBytes(path, ArBytes.Join([("debian-binary", "2.0\n"u8.ToArray()), ("control.tar.zst", controlTar.ToArray()), ("data.tar.zst", dataTar)]));
    }
}
