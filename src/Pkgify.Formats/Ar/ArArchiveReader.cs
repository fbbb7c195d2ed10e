using System.Globalization;
using System.Text;
using Pkgify.Formats.IO;
using L = Pkgify.Formats.Ar.ArHeaderLayout;

namespace Pkgify.Formats.Ar;

/// <summary>
/// Reads an ar archive sequentially the way dpkg does (lib/dpkg/ar.c, src/deb/extract.c): the global magic and
/// every member's <c>`\n</c> magic are checked, sizes must be decimal, names lose trailing spaces and one
/// trailing '/'. Damage is an <see cref="InvalidDataException"/>; the input never needs to seek.
/// </summary>
public sealed class ArArchiveReader : IDisposable
{
    private const int Decimal = 10;
    private const int Octal = 8;

    private readonly ArchiveCursor _cursor;
    private readonly byte[] _header = new byte[L.HeaderSize];
    private bool _started;
    private bool _ended;

    /// <summary>Creates a reader over <paramref name="input"/>, starting at its current position.</summary>
    public ArArchiveReader(Stream input, bool leaveOpen = false)
    {
        _cursor = new ArchiveCursor(input, leaveOpen);
    }

    /// <summary>Returns the next member, or null at the end; unread data of the previous member is skipped.</summary>
    public ArMember? Next() => _cursor.Guard(this, ReadNextMember);

    /// <summary>Closes the input unless leaveOpen was given.</summary>
    public void Dispose() => _cursor.Dispose();

    private ArMember? ReadNextMember()
    {
        if (!_started)
        {
            ReadGlobalMagic();
        }

        // The pad byte after odd-sized data may be missing at the very end of an archive; that is not damage.
        _cursor.SkipContent(L.PaddingFor, paddingMayBeMissing: true);
        if (_ended)
        {
            return null;
        }

        var offset = _cursor.Position;
        var got = StreamReading.ReadAtMost(_cursor.Input, _header);
        if (got == 0)
        {
            _ended = true;
            return null;
        }

        var where = $"ar member header at offset {offset}";
        if (got != L.HeaderSize)
        {
            throw new InvalidDataException($"{where}: archive truncated");
        }

        _cursor.Position += got;
        var header = _header.AsSpan();
        if (!header[L.MagicOffset..].SequenceEqual(L.MemberMagic))
        {
            throw new InvalidDataException($"{where}: bad archive header magic");
        }

        var name = NormalizeName(Encoding.Latin1.GetString(header.Slice(L.NameOffset, L.NameLength)));
        var mtime = Number(header.Slice(L.MTimeOffset, L.MTimeLength), Decimal, where, "mtime", allowEmpty: true);
        var mode = Number(header.Slice(L.ModeOffset, L.ModeLength), Octal, where, "mode", allowEmpty: true);
        var size = Number(header.Slice(L.SizeOffset, L.SizeLength), Decimal, where, "size", allowEmpty: false);
        return new ArMember(name, mtime, (int)mode, size, _cursor.StartContent(size, $"ar member '{name}'"));
    }

    private void ReadGlobalMagic()
    {
        _started = true;
        Span<byte> magic = stackalloc byte[L.GlobalMagic.Length];
        if (StreamReading.ReadAtMost(_cursor.Input, magic) != magic.Length || !magic.SequenceEqual(L.GlobalMagic))
        {
            throw new InvalidDataException("not an ar archive: missing !<arch> magic");
        }

        _cursor.Position = magic.Length;
    }

    /// <summary>dpkg_ar_normalize_name: strip trailing spaces, then one trailing '/' (GNU ar style).</summary>
    private static string NormalizeName(string raw)
    {
        var name = raw.TrimEnd(' ');
        return name.EndsWith('/') ? name[..^1] : name;
    }

    /// <summary>Digits of <paramref name="radix"/> left-justified and padded with spaces, as ar writes them.</summary>
    private static long Number(ReadOnlySpan<byte> field, int radix, string where, string what, bool allowEmpty)
    {
        var text = Encoding.Latin1.GetString(field).TrimEnd(' ');
        if (text.Length == 0 && allowEmpty)
        {
            return 0;
        }

        if (text.Length == 0 || !text.All(c => c >= '0' && c < '0' + radix))
        {
            throw new InvalidDataException($"{where}: {what} '{text}' is not a {(radix == Octal ? "octal" : "decimal")} number");
        }

        // At most 12 digits: fits a long in either radix.
        return radix == Decimal ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : Convert.ToInt64(text, Octal);
    }
}
