using System.Collections;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// FILEDIGESTS for many files without a string per file: the raw digests in one array (32 bytes per file
/// for SHA-256 instead of a 64-character string, ~150 bytes on the heap), hex-encoded only when the
/// header is built. Files without a digest (directories, symlinks) read as "".
/// </summary>
internal sealed class FileDigestList : IReadOnlyList<string>
{
    private readonly byte[] _digests;
    private readonly bool[] _present;
    private readonly int _size;

    /// <param name="count">Number of files.</param>
    /// <param name="digestSize">Bytes per digest (32 for SHA-256).</param>
    public FileDigestList(int count, int digestSize)
    {
        _size = digestSize;
        _digests = new byte[count * digestSize];
        _present = new bool[count];
    }

    public int Count => _present.Length;

    /// <summary>Lowercase hex digest of file <paramref name="index"/>, or "" when it has none.</summary>
    public string this[int index] => _present[index] ? Convert.ToHexStringLower(Slot(index)) : "";

    /// <summary>Records the digest of file <paramref name="index"/>.</summary>
    public void Set(int index, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != _size)
            throw new ArgumentException($"a digest is {_size} bytes, not {digest.Length}", nameof(digest));
        digest.CopyTo(Slot(index));
        _present[index] = true;
    }

    /// <summary>Gives file <paramref name="to"/> the digest of file <paramref name="from"/> (hardlink sets).</summary>
    public void Copy(int from, int to)
    {
        Slot(from).CopyTo(Slot(to));
        _present[to] = _present[from];
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Span<byte> Slot(int index) => _digests.AsSpan(index * _size, _size);
}
