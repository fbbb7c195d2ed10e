using Pkgify.Formats.IO;

namespace Pkgify.Formats.Tar;

/// <summary>
/// Reads tar archives sequentially from any stream (seeking is never required): v7, POSIX ustar, GNU
/// (././@LongLink 'L'/'K' entries, base-256 numbers) and PAX 'x'/'g' records. Every header checksum is verified,
/// every allocation is bounded by <see cref="TarReaderLimits"/>, and damage (bad checksum, garbage numbers,
/// oversized meta entries, truncation, a missing end-of-archive block) is an <see cref="InvalidDataException"/>.
/// </summary>
public sealed class TarArchiveReader : IDisposable
{
    private readonly ArchiveCursor _cursor;
    private readonly TarReaderLimits _limits;
    private readonly byte[] _block = new byte[TarHeaderLayout.BlockSize];
    private readonly Dictionary<string, string> _globalPax = new(StringComparer.Ordinal);
    private long _headers;
    private bool _ended;

    /// <summary>Creates a reader over <paramref name="input"/>, starting at its current position.</summary>
    public TarArchiveReader(Stream input, bool leaveOpen = false, TarReaderLimits? limits = null)
    {
        _cursor = new ArchiveCursor(input, leaveOpen);
        _limits = limits ?? new TarReaderLimits();
        if (_limits.MaxLongNameBytes <= 0 || _limits.MaxPaxHeaderBytes <= 0 || _limits.MaxEntries <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), "tar reader limits must be positive");
        }
    }

    /// <summary>
    /// Returns the next entry, or null at the end of the archive. Unread content of the previous entry is skipped
    /// and its content stream stops working.
    /// </summary>
    public TarEntry? Next() => _cursor.Guard(this, ReadNextEntry);

    /// <summary>Closes the input unless leaveOpen was given.</summary>
    public void Dispose() => _cursor.Dispose();

    private TarEntry? ReadNextEntry()
    {
        _cursor.SkipContent(TarHeaderLayout.PaddingFor);
        if (_ended)
        {
            return null;
        }

        var pending = new PendingMeta();
        while (true)
        {
            var offset = _cursor.Position;
            if (!ReadHeaderBlock())
            {
                _ended = true;
                if (pending.Any)
                {
                    throw new InvalidDataException($"tar header at offset {offset}: archive ends after a long name or PAX header");
                }

                return null;
            }

            var raw = TarHeaderDecoder.Decode(_block, offset);
            if (!ConsumeMeta(raw, offset, pending))
            {
                return StartEntry(ApplyMeta(raw, pending, offset));
            }
        }
    }

    /// <summary>GNU long names/links and PAX records collected for the entry that follows them.</summary>
    private sealed class PendingMeta
    {
        public string? LongName { get; set; }
        public string? LongLink { get; set; }
        public Dictionary<string, string> Pax { get; } = new(StringComparer.Ordinal);
        public bool Any => LongName is not null || LongLink is not null || Pax.Count > 0;
    }

    /// <summary>Reads a header block; false at the end-of-archive zero block (dpkg too stops at the first one).</summary>
    private bool ReadHeaderBlock()
    {
        var got = StreamReading.ReadAtMost(_cursor.Input, _block);
        if (got != _block.Length)
        {
            throw new InvalidDataException(got == 0
                ? $"tar archive truncated at offset {_cursor.Position}: no end-of-archive block"
                : $"tar header at offset {_cursor.Position}: archive truncated");
        }

        _cursor.Position += got;
        if (_block.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }

        if (++_headers > _limits.MaxEntries)
        {
            throw new InvalidDataException($"tar archive has more than {_limits.MaxEntries} headers");
        }

        return true;
    }

    /// <summary>Handles 'L', 'K', 'x' and 'g' entries; false when the header is a real entry.</summary>
    private bool ConsumeMeta(TarHeaderFields raw, long offset, PendingMeta pending)
    {
        var where = $"tar header at offset {offset}";
        switch (raw.TypeFlag)
        {
            case TarTypeFlag.GnuLongName:
                pending.LongName = TarHeaderDecoder.TextUpToNul(ReadMetaContent(raw.Size, _limits.MaxLongNameBytes, where, "GNU long name"));
                return true;
            case TarTypeFlag.GnuLongLink:
                pending.LongLink = TarHeaderDecoder.TextUpToNul(ReadMetaContent(raw.Size, _limits.MaxLongNameBytes, where, "GNU long link"));
                return true;
            case TarTypeFlag.PaxExtended:
                MergePax(pending.Pax, ReadMetaContent(raw.Size, _limits.MaxPaxHeaderBytes, where, "PAX header"), where);
                return true;
            case TarTypeFlag.PaxGlobal:
                MergePax(_globalPax, ReadMetaContent(raw.Size, _limits.MaxPaxHeaderBytes, where, "PAX global header"), where);
                return true;
            default:
                return false;
        }
    }

    private static void MergePax(Dictionary<string, string> target, byte[] data, string where)
    {
        foreach (var (key, value) in PaxRecords.Parse(data, where))
        {
            target[key] = value;
        }
    }

    private byte[] ReadMetaContent(long size, int limit, string where, string what)
    {
        if (size > limit)
        {
            throw new InvalidDataException($"{where}: {what} of {size} bytes exceeds the limit of {limit}");
        }

        var content = new byte[size];
        StreamReading.ReadExactly(_cursor.Input, content, where);
        StreamReading.Skip(_cursor.Input, TarHeaderLayout.PaddingFor(size), where);
        _cursor.Position += size + TarHeaderLayout.PaddingFor(size);
        return content;
    }

    private TarEntryHeader ApplyMeta(TarHeaderFields raw, PendingMeta pending, long offset)
    {
        var where = $"tar header at offset {offset}";
        var pax = new Dictionary<string, string>(_globalPax, StringComparer.Ordinal);
        foreach (var (key, value) in pending.Pax)
        {
            // An empty value in an 'x' header cancels a global one (pax(1)).
            if (value.Length == 0)
            {
                pax.Remove(key);
            }
            else
            {
                pax[key] = value;
            }
        }

        var name = pax.GetValueOrDefault(PaxRecords.Path) ?? pending.LongName ?? raw.Name;
        var type = TarTypeFlag.ToType(raw.TypeFlag);

        // Old tars marked directories only by a trailing '/' on a regular-file header; GNU tar reads them so.
        if (type == TarEntryType.Regular && raw.TypeFlag != TarTypeFlag.Contiguous && name.EndsWith('/'))
        {
            type = TarEntryType.Directory;
        }

        return new TarEntryHeader(
            name,
            type,
            raw.Mode,
            pax.TryGetValue(PaxRecords.MTime, out var mtime) ? PaxRecords.Seconds(mtime, where) : raw.MTime,
            PaxNumber(pax, PaxRecords.Size, where) ?? raw.Size,
            PaxNumber(pax, PaxRecords.Uid, where) ?? raw.Uid,
            PaxNumber(pax, PaxRecords.Gid, where) ?? raw.Gid,
            pax.GetValueOrDefault(PaxRecords.UserName) ?? raw.UserName,
            pax.GetValueOrDefault(PaxRecords.GroupName) ?? raw.GroupName,
            pax.GetValueOrDefault(PaxRecords.LinkPath) ?? pending.LongLink ?? raw.LinkName);
    }

    private static long? PaxNumber(Dictionary<string, string> pax, string key, string where) =>
        pax.TryGetValue(key, out var value) ? PaxRecords.Integer(value, key, where) : null;

    private TarEntry StartEntry(TarEntryHeader header) =>
        new(header, _cursor.StartContent(header.Size, $"tar entry '{header.Name}'"));
}
