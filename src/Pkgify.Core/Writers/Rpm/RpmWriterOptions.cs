using Pkgify.Core.Signing;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>How <see cref="RpmWriter"/> writes: the payload compression (gzip, xz, zstd, or none as rpmbuild's <c>w.ufdio</c>).</summary>
public sealed record RpmWriterOptions(CompressionOptions Compression)
{
    /// <summary>Signs the header while the package is written (<c>--sign-key</c>); null writes it unsigned.</summary>
    public RpmHeaderSigning? Signing { get; init; }

    /// <summary>Reuses the compressed bytes of the model's cacheable trees between builds; null compresses them every time.</summary>
    public Writers.Segments.SegmentCache? SegmentCache { get; init; }

    /// <summary>xz, readable by every rpm since 4.x (RHEL 7 and later; formats.md §2.10).</summary>
    public static readonly RpmWriterOptions Default = new(CompressionOptions.Default(CompressionKind.Xz));
}
