using System.Globalization;
using System.Text;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Damage inside an rpm's decompressed cpio payload (newc, `man 5 cpio`; rpm's stripped variant, formats.md §2.10):
/// hostile filesize and namesize fields, other magics, garbage in the numeric fields, stripped headers naming
/// files the header does not have, and entries shuffled, duplicated or dropped (the trailer included).
/// </summary>
internal static class CpioMutations
{
    private const int MagicLength = 6, FieldWidth = 8, HeaderLength = 110, Alignment = 4;
    private const int FieldFileSize = 6, FieldNameSize = 11;

    private static readonly string[] HostileNumbers = ["FFFFFFFF", "7FFFFFFF", "80000000", "00000000", "0000FFFF", "GGGGGGGG", "-0000001", "        ", "00100000"];
    private static readonly string[] Magics = ["070702", "070707", "07070X", "070700", "\0\0\0\0\0\0"];

    public static (byte[] Cpio, string What) Mutate(byte[] cpio, Random rng)
    {
        var entries = Entries(cpio);
        if (entries.Count == 0)
            return (ByteMutations.Scribble(cpio, 0, Math.Min(cpio.Length, HeaderLength), rng), "cpio start");
        var (start, _) = entries[rng.Next(entries.Count)];
        switch (rng.Next(6))
        {
            case 0:
            case 1:
                var field = rng.Next(2) == 0 ? FieldFileSize : FieldNameSize;
                var current = Field(cpio, start, field);
                var value = rng.Next(3) == 0 ? (current + rng.Next(-2, 3)).ToString("x8", CultureInfo.InvariantCulture)[^8..] : HostileNumbers[rng.Next(HostileNumbers.Length)];
                return (WithText(cpio, start + MagicLength + (field * FieldWidth), value), $"{(field == FieldFileSize ? "filesize" : "namesize")} of the entry at {start} = {value}");
            case 2:
                var magic = Magics[rng.Next(Magics.Length)];
                return (WithText(cpio, start, magic), $"magic of the entry at {start} = {Pkgify.Core.Validation.Printable.Escape(magic)}");
            case 3:
                var f = rng.Next(FieldFileSize); // ino, mode, uid, gid, nlink, mtime
                return (ByteMutations.Scribble(cpio, start + MagicLength + (f * FieldWidth), FieldWidth, rng), $"field {f} of the entry at {start}");
            case 4:
                var index = HostileNumbers[rng.Next(HostileNumbers.Length)];
                var stripped = Encoding.ASCII.GetBytes("07070X" + index + "\0\0");
                byte[] injected = [.. cpio[..start], .. stripped, .. ByteMutations.RandomRun(rng), .. cpio[start..]];
                return (injected, $"stripped header for file {index} before the entry at {start}");
            default:
                return Restructure(cpio, entries, rng);
        }
    }

    private static (byte[] Cpio, string What) Restructure(byte[] cpio, List<(int Start, int End)> entries, Random rng)
    {
        var parts = entries.Select(e => cpio[e.Start..e.End]).ToList();
        var tail = cpio[entries[^1].End..];
        var i = rng.Next(parts.Count);
        string what;
        switch (rng.Next(3))
        {
            case 0:
                parts = parts.OrderBy(_ => rng.Next()).ToList();
                what = "entries shuffled";
                break;
            case 1:
                parts.Insert(rng.Next(parts.Count + 1), parts[i]);
                what = $"entry {i} duplicated";
                break;
            default:
                parts.RemoveAt(i);
                what = i == parts.Count ? "trailer dropped" : $"entry {i} dropped";
                break;
        }
        return ([.. parts.SelectMany(p => p), .. tail], what);
    }

    /// <summary>(start, end) of every newc entry up to and including the trailer; stops at anything else.</summary>
    private static List<(int Start, int End)> Entries(byte[] cpio)
    {
        var result = new List<(int, int)>();
        var pos = 0;
        while (pos + HeaderLength <= cpio.Length && Encoding.ASCII.GetString(cpio, pos, MagicLength) == "070701")
        {
            var nameSize = Field(cpio, pos, FieldNameSize);
            var fileSize = Field(cpio, pos, FieldFileSize);
            var end = Padded(Padded(pos + HeaderLength + nameSize) + fileSize);
            var trailer = Encoding.ASCII.GetString(cpio, pos + HeaderLength, Math.Max(0, nameSize - 1)) == "TRAILER!!!";
            result.Add((pos, Math.Min(end, cpio.Length)));
            if (trailer)
                break;
            pos = end;
        }
        return result;
    }

    private static int Field(byte[] cpio, int start, int field) =>
        int.Parse(Encoding.ASCII.GetString(cpio, start + MagicLength + (field * FieldWidth), FieldWidth), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static int Padded(int position) => (position + Alignment - 1) / Alignment * Alignment;

    private static byte[] WithText(byte[] cpio, int at, string text)
    {
        var bytes = (byte[])cpio.Clone();
        Encoding.Latin1.GetBytes(text).CopyTo(bytes, at);
        return bytes;
    }
}
