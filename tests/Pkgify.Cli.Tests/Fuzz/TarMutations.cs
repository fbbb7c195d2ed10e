using System.Text;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Damage inside a tar stream (a .deb's control.tar or data.tar, already decompressed): hostile size fields
/// (huge octal, base-256 huge and negative, off by one block), checksums, type flags, names, numeric fields,
/// injected GNU long-name and PAX entries with lying lengths, and shuffled, duplicated or dropped entries.
/// Headers are re-sealed with a correct checksum unless the checksum itself is the target.
/// </summary>
internal static class TarMutations
{
    private static readonly string[] HostileSizes =
    [
        "77777777777\0", // 8 GiB - 1 in octal: far more than the stream holds
        "\x80\0\0\0\0\0\x7F\xFF\xFF\xFF\xFF\xFF", // base-256, 2^47 - 1
        "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", // base-256, -1
        "\xC0\0\0\0\0\0\0\0\0\0\0\0", // base-256, the most negative 12-byte value
        "\x80\x7F\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", // base-256, beyond a long
        "-0000000001\0", "00000000000 ", "9\0\0\0\0\0\0\0\0\0\0\0", "           \0",
    ];

    private const string TypeFlags = "0123456LKxgSDMNV\0 7";

    private static readonly string[] PaxRecords =
    [
        "9999999999 path=x\n", "0 size=1\n", "5 a=b\n", "-1 size=2\n", "30 size=99999999999999999999\n",
        "12 size=-5\n", "15 mtime=-1.5\n", "16 mtime=1e999\n", "11 path=\n", "13 uid=-99\n", "20 linkpath=../../x\n",
        "17 size=4096000\n", "10 =empty\n", "12 gid=abc\n", "18 uname=\xff\xfe\n", "2 \n", "99 x=y\n",
    ];

    public static (byte[] Tar, string What) Mutate(byte[] tar, Random rng)
    {
        var headers = TarBytes.Headers(tar);
        if (headers.Count == 0)
            return (ByteMutations.Scribble(tar, 0, Math.Min(tar.Length, TarBytes.Block), rng), "tar start");
        var h = headers[rng.Next(headers.Count)];
        switch (rng.Next(9))
        {
            case 0:
                var size = rng.Next(3) == 0
                    ? Convert.ToString(Math.Max(0, TarBytes.Size(tar, h) + rng.Next(-1, 2) * TarBytes.Block + rng.Next(-1, 2)), 8).PadLeft(11, '0') + "\0"
                    : HostileSizes[rng.Next(HostileSizes.Length)];
                return (Sealed(tar, h, TarBytes.SizeOffset, size), $"size field of the header at {h} = {Show(size)}");
            case 1:
                return (ByteMutations.Scribble(tar, h + TarBytes.ChecksumOffset, TarBytes.ChecksumLength, rng), $"checksum of the header at {h}");
            case 2:
                var type = TypeFlags[rng.Next(TypeFlags.Length)];
                return (Sealed(tar, h, TarBytes.TypeOffset, type.ToString()), $"type flag of the header at {h} = {Show(type.ToString())}");
            case 3:
                var (offset, length, field) = rng.Next(3) switch
                {
                    0 => (TarBytes.NameOffset, TarBytes.NameLength, "name"),
                    1 => (TarBytes.LinkNameOffset, TarBytes.LinkNameLength, "link name"),
                    _ => (TarBytes.UserNameOffset, TarBytes.OwnerNameLength, "owner name"),
                };
                var text = rng.Next(2) == 0 ? Encoding.Latin1.GetString(ByteMutations.RandomRun(rng)) : HostileName(tar, headers, rng);
                return (Sealed(tar, h, offset, text.PadRight(length, '\0')[..length]), $"{field} of the header at {h} = {Show(text)}");
            case 4:
                var numeric = new[] { TarBytes.ModeOffset, TarBytes.UidOffset, TarBytes.GidOffset, TarBytes.MTimeOffset }[rng.Next(4)];
                var damaged = ByteMutations.Scribble(tar, h + numeric, TarBytes.NumericLength, rng);
                TarBytes.Seal(damaged, h);
                return (damaged, $"numeric field at +{numeric} of the header at {h} (re-sealed)");
            case 5:
                return Inject(tar, h, rng);
            case 6:
                return Restructure(tar, headers, rng);
            case 7:
                var contentStart = h + TarBytes.Block;
                var contentLength = (int)Math.Min(TarBytes.Size(tar, h), tar.Length - contentStart);
                return (ByteMutations.Scribble(tar, contentStart, contentLength, rng), $"content of the entry at {h}");
            default:
                var cut = headers[^1] + TarBytes.Block + TarBytes.Padded(TarBytes.Size(tar, headers[^1]));
                return (tar[..Math.Min(cut, tar.Length)], "end-of-archive blocks dropped");
        }
    }

    /// <summary>A GNU 'L'/'K' or PAX 'x'/'g' entry put before the header at <paramref name="h"/>, often with a lying size.</summary>
    private static (byte[] Tar, string What) Inject(byte[] tar, int h, Random rng)
    {
        var kind = "LKxg"[rng.Next(4)];
        var content = kind is 'L' or 'K'
            ? Encoding.UTF8.GetBytes(HostileName(tar, [h], rng) + "\0")
            : Encoding.Latin1.GetBytes(string.Concat(Enumerable.Range(0, rng.Next(1, 4)).Select(_ => PaxRecords[rng.Next(PaxRecords.Length)])));
        var declared = rng.Next(3) switch
        {
            0 => content.Length + rng.Next(-3, 600),
            _ => content.Length,
        };
        var meta = TarBytes.Header("././@LongLink", kind, Math.Max(declared, 0));
        byte[] injected = [.. tar[..h], .. meta, .. TarBytes.Blocks(content), .. tar[h..]];
        return (injected, $"'{kind}' entry of {content.Length} bytes declaring {declared} before the header at {h}: {Show(Encoding.Latin1.GetString(content))}");
    }

    /// <summary>Entries (header + content) shuffled, duplicated, dropped, or a hardlink pointing at itself.</summary>
    private static (byte[] Tar, string What) Restructure(byte[] tar, List<int> headers, Random rng)
    {
        var end = headers[^1] + TarBytes.Block + TarBytes.Padded(TarBytes.Size(tar, headers[^1]));
        var entries = headers.Select((start, i) => tar[start..(i + 1 < headers.Count ? headers[i + 1] : end)]).ToList();
        var trailer = tar[Math.Min(end, tar.Length)..];
        string what;
        var i = rng.Next(entries.Count);
        switch (rng.Next(4))
        {
            case 0:
                entries = entries.OrderBy(_ => rng.Next()).ToList();
                what = "entries shuffled";
                break;
            case 1:
                entries.Insert(rng.Next(entries.Count + 1), entries[i]);
                what = $"entry {i} duplicated";
                break;
            case 2:
                entries.RemoveAt(i);
                what = $"entry {i} dropped";
                break;
            default:
                var name = Encoding.UTF8.GetString(entries[i], 0, TarBytes.NameLength).TrimEnd('\0');
                entries.Insert(i, TarBytes.Header(name, '1', 0, linkName: name));
                what = $"hardlink '{name}' to itself before entry {i}";
                break;
        }
        return ([.. entries.SelectMany(e => e), .. trailer], what);
    }

    private static string HostileName(byte[] tar, List<int> headers, Random rng)
    {
        var existing = Encoding.UTF8.GetString(tar, headers[rng.Next(headers.Count)], TarBytes.NameLength).TrimEnd('\0');
        string[] names = ["", "/", "./", "../../../etc/passwd", "./a/../../b", "a\nb", "\xff\xfe", new string('a', 99) + "/", existing + "/", existing, "./" + existing, "./a/./b//c"];
        return names[rng.Next(names.Length)];
    }

    private static byte[] Sealed(byte[] tar, int header, int offset, string value)
    {
        var bytes = (byte[])tar.Clone();
        Encoding.Latin1.GetBytes(value).CopyTo(bytes, header + offset);
        TarBytes.Seal(bytes, header);
        return bytes;
    }

    private static string Show(string text) => Pkgify.Core.Validation.Printable.Escape(text, 60);
}
