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
    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly byte[] _header = new byte[L.HeaderSize];
    private long _position;
    private bool _started;
    private bool _ended;
    private bool _disposed;
    private BoundedReadStream? _content;
    private InvalidDataException? _failure;

    /// <summary>Creates a reader over <paramref name="input"/>, starting at its current position.</summary>
    public ArArchiveReader(Stream input, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Returns the next member, or null at the end; unread data of the previous member is skipped.</summary>
    public ArMember? Next()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new InvalidDataException(_failure.Message, _failure);
        }

        try
        {
            return ReadNextMember();
        }
        catch (InvalidDataException e)
        {
            _failure = e;
            throw;
        }
    }

    /// <summary>Closes the input unless leaveOpen was given.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _content?.Invalidate();
        if (!_leaveOpen)
        {
            _input.Dispose();
        }
    }

    private ArMember? ReadNextMember()
    {
        if (!_started)
        {
            ReadGlobalMagic();
        }

        SkipCurrentContent();
        if (_ended)
        {
            return null;
        }

        var offset = _position;
        var got = StreamReading.ReadAtMost(_input, _header);
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

        _position += got;
        var header = _header.AsSpan();
        if (!header[L.MagicOffset..].SequenceEqual(L.MemberMagic))
        {
            throw new InvalidDataException($"{where}: bad archive header magic");
        }

        var name = NormalizeName(Encoding.Latin1.GetString(header.Slice(L.NameOffset, L.NameLength)));
        var mtime = Number(header.Slice(L.MTimeOffset, L.MTimeLength), 10, where, "mtime", allowEmpty: true);
        var mode = Number(header.Slice(L.ModeOffset, L.ModeLength), 8, where, "mode", allowEmpty: true);
        var size = Number(header.Slice(L.SizeOffset, L.SizeLength), 10, where, "size", allowEmpty: false);
        _content = new BoundedReadStream(_input, size, $"ar member '{name}'");
        return new ArMember(name, mtime, (int)mode, size, _content);
    }

    private void ReadGlobalMagic()
    {
        _started = true;
        Span<byte> magic = stackalloc byte[L.GlobalMagic.Length];
        if (StreamReading.ReadAtMost(_input, magic) != magic.Length || !magic.SequenceEqual(L.GlobalMagic))
        {
            throw new InvalidDataException("not an ar archive: missing !<arch> magic");
        }

        _position = magic.Length;
    }

    private void SkipCurrentContent()
    {
        if (_content is null)
        {
            return;
        }

        var content = _content;
        _content = null;
        content.Invalidate();
        StreamReading.Skip(_input, content.Remaining, $"ar member data at offset {_position}");
        _position += content.Length;

        // The pad byte after odd-sized data may be missing at the very end of an archive; that is not damage.
        Span<byte> pad = stackalloc byte[L.PaddingFor(content.Length)];
        _position += StreamReading.ReadAtMost(_input, pad);
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
            throw new InvalidDataException($"{where}: {what} '{text}' is not a {(radix == 8 ? "octal" : "decimal")} number");
        }

        // At most 12 digits: fits a long in either radix.
        return radix == 10 ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : Convert.ToInt64(text, 8);
    }
}
