using System.Collections.Immutable;

namespace Pkgify.Core.Model;

/// <summary>Where a regular file's bytes come from: a file on disk (streamed) or bytes pkgify generated.</summary>
public abstract record FileSource
{
    public abstract Stream Open();
}

/// <summary>A file on the build host, read only when a writer streams it.</summary>
public sealed record DiskFileSource(string Path) : FileSource
{
    /// <summary>
    /// Unbuffered (bufferSize 0): the writers read in large blocks straight into their own buffers, so a
    /// FileStream buffer would only cost an allocation per file (64 KiB × 100,000 files is 6 GB of garbage
    /// for the GC, allocated by the size probe at the end of each copy) and a second memory copy.
    /// SequentialScan asks the kernel for aggressive read-ahead (posix_fadvise POSIX_FADV_SEQUENTIAL).
    /// </summary>
    public override Stream Open() =>
        new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}

/// <summary>Generated content (a copyright file, a unit file, ...): small by nature, so kept in memory.</summary>
public sealed record GeneratedFileSource(ImmutableArray<byte> Content) : FileSource
{
    public static GeneratedFileSource FromText(string text) =>
        new(ImmutableArray.Create(System.Text.Encoding.UTF8.GetBytes(text)));

    public override Stream Open() => new MemoryStream(Content.ToArray(), writable: false);

    public bool Equals(GeneratedFileSource? other) => other is not null && Content.AsSpan().SequenceEqual(other.Content.AsSpan());

    public override int GetHashCode() => Content.Length;
}
