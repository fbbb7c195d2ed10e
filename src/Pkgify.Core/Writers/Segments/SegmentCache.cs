using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Pkgify.Core.IO;
using Pkgify.Core.Output;

namespace Pkgify.Core.Writers.Segments;

/// <summary>
/// Compressed payload segments kept between builds (<c>&lt;cache root&gt;/segments</c>), so that a build
/// whose virtualenv did not change copies its compressed bytes instead of compressing it again. An entry
/// is named by its <see cref="SegmentKey"/> and holds a small header (magic, length and SHA-256 of the
/// compressed bytes) before them: an entry that does not match its header is deleted and recompressed.
/// Entries are written under a temp name and renamed into place, so a killed build never leaves half of
/// one. The cache keeps the <see cref="MaxEntries"/> most recently used entries (a hit refreshes the
/// entry's mtime) and deletes the rest after each store. Failing to read or write it never fails a build.
/// </summary>
public sealed class SegmentCache
{
    /// <summary>Entries kept: a deb and an rpm segment for a few projects or codecs (a big virtualenv's is a few hundred MB).</summary>
    public const int MaxEntries = 8;

    private const string EntrySuffix = ".seg";
    private const string TempPrefix = ".pkgify-tmp-";
    private const int CopyBufferSize = 1 << 16;

    /// <summary>Entry header: magic, then the compressed length (little-endian) and its SHA-256.</summary>
    private static ReadOnlySpan<byte> Magic => "PKGSEG01"u8;
    private const int LengthField = sizeof(long);
    private static int HeaderLength => Magic.Length + LengthField + SHA256.HashSizeInBytes;

    private readonly Action<string> _report;

    /// <param name="directory">Where the entries live.</param>
    /// <param name="report">Told, in one line, when an entry is reused, stored or found damaged.</param>
    public SegmentCache(string directory, Action<string>? report = null)
    {
        Directory = directory;
        _report = report ?? (_ => { });
    }

    /// <summary>The directory holding the entries.</summary>
    public string Directory { get; }

    /// <summary>The cache under <see cref="CacheRoot"/>.</summary>
    public static SegmentCache Default(Action<string>? report = null) => new(Path.Combine(CacheRoot.Resolve(), "segments"), report);

    /// <summary>The path of the entry for <paramref name="key"/>.</summary>
    public string PathFor(string key) => Path.Combine(Directory, key + EntrySuffix);

    internal void Report(string message) => _report(message);

    /// <summary>
    /// The verified entry for <paramref name="key"/>, positioned at its compressed bytes, with their length;
    /// null when there is none or it is damaged (then it is deleted).
    /// </summary>
    internal (FileStream Stream, long Length)? Open(string key)
    {
        var path = PathFor(key);
        FileStream? stream = null;
        try
        {
            if (!File.Exists(path))
                return null;
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize);
            if (Verified(stream) is not { } length)
            {
                stream.Dispose();
                _report($"cached segment {Path.GetFileName(path)} is damaged: discarded, compressing again");
                AtomicFile.TryDelete(path);
                return null;
            }
            stream.Position = HeaderLength;
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return (stream, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            return null;
        }
    }

    /// <summary>The compressed length when the entry's header matches its bytes, else null.</summary>
    private static long? Verified(FileStream stream)
    {
        var header = new byte[HeaderLength];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length || !header.AsSpan().StartsWith(Magic))
            return null;
        long length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(Magic.Length));
        if (length < 0 || length != stream.Length - HeaderLength)
            return null;
        var digest = SHA256.HashData(stream);
        return digest.AsSpan().SequenceEqual(header.AsSpan(Magic.Length + LengthField)) ? length : null;
    }

    /// <summary>
    /// Stores the compressed bytes from <paramref name="compressed"/>'s position to its end as the entry for
    /// <paramref name="key"/>, then prunes the cache. Best effort: a failure is reported, not thrown.
    /// </summary>
    internal void Store(string key, Stream compressed)
    {
        string? temp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            StaleTemps.RemoveFiles(Directory, TempPrefix);
            temp = Path.Combine(Directory, $"{TempPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{key}");
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, CopyBufferSize))
            {
                file.Write(new byte[HeaderLength]);
                using (var hashing = new HashingWriteStream(file, HashAlgorithmName.SHA256, leaveOpen: true))
                {
                    compressed.CopyTo(hashing, CopyBufferSize);
                    file.Position = 0;
                    file.Write(Magic);
                    Span<byte> lengthField = stackalloc byte[LengthField];
                    BinaryPrimitives.WriteInt64LittleEndian(lengthField, hashing.BytesWritten);
                    file.Write(lengthField);
                    file.Write(Convert.FromHexString(hashing.HexDigest()));
                }
            }
            File.Move(temp, PathFor(key), overwrite: true);
            temp = null;
            Prune();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _report($"could not store the compressed segment in {Directory}: {e.Message}");
        }
        finally
        {
            if (temp is not null)
                AtomicFile.TryDelete(temp);
        }
    }

    /// <summary>Keeps the <see cref="MaxEntries"/> most recently used entries.</summary>
    private void Prune()
    {
        var stale = new DirectoryInfo(Directory).EnumerateFiles("*" + EntrySuffix)
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Skip(MaxEntries);
        foreach (var f in stale)
            AtomicFile.TryDelete(f.FullName);
    }
}
