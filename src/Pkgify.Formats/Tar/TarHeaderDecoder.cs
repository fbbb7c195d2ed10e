using System.Text;
using L = Pkgify.Formats.Tar.TarHeaderLayout;

namespace Pkgify.Formats.Tar;

/// <summary>
/// Decodes a header block in any of the dialects found in the wild: v7 (no magic: no owner names), POSIX ustar
/// (<c>ustar\0</c>: names may be split into prefix + '/' + name) and GNU (<c>ustar  \0</c>: the prefix area holds
/// GNU fields instead, long names come in separate 'L'/'K' entries).
/// </summary>
internal static class TarHeaderDecoder
{
    private const int PermissionMask = 0xFFF; // 07777; some old tars also store the S_IFMT file type bits

    /// <summary>Verifies the checksum and decodes the fields; damage is <see cref="InvalidDataException"/>.</summary>
    public static TarHeaderFields Decode(ReadOnlySpan<byte> block, long offset)
    {
        var where = $"tar header at offset {offset}";
        if (!TarChecksum.Verify(block, where))
        {
            throw new InvalidDataException($"{where}: checksum mismatch");
        }

        var size = Number(block, L.SizeOffset, L.SizeLength, where, "size");
        if (size < 0)
        {
            throw new InvalidDataException($"{where}: negative size {size}");
        }

        var isUstar = block.Slice(L.MagicOffset, L.MagicLength).SequenceEqual(L.UstarMagic);
        var isGnu = block.Slice(L.MagicOffset, L.GnuMagicAndVersion.Length).SequenceEqual(L.GnuMagicAndVersion);
        var name = Text(block, L.NameOffset, L.NameLength);
        if (isUstar && block[L.PrefixOffset] != 0)
        {
            name = Text(block, L.PrefixOffset, L.PrefixLength) + "/" + name;
        }

        var hasOwnerNames = isUstar || isGnu;
        return new TarHeaderFields(
            name,
            Text(block, L.LinkNameOffset, L.LinkNameLength),
            block[L.TypeFlagOffset],
            (int)(Number(block, L.ModeOffset, L.ModeLength, where, "mode") & PermissionMask),
            Number(block, L.UidOffset, L.UidLength, where, "uid"),
            Number(block, L.GidOffset, L.GidLength, where, "gid"),
            size,
            Number(block, L.MTimeOffset, L.MTimeLength, where, "mtime"),
            hasOwnerNames ? Text(block, L.UserNameOffset, L.UserNameLength) : "",
            hasOwnerNames ? Text(block, L.GroupNameOffset, L.GroupNameLength) : "");
    }

    /// <summary>UTF-8 text up to the first NUL; invalid sequences (legacy 8-bit names) become U+FFFD.</summary>
    public static string TextUpToNul(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    private static string Text(ReadOnlySpan<byte> block, int offset, int length) =>
        TextUpToNul(block.Slice(offset, length));

    private static long Number(ReadOnlySpan<byte> block, int offset, int length, string where, string field) =>
        TarNumericField.Parse(block.Slice(offset, length), $"{where}: {field}");
}
