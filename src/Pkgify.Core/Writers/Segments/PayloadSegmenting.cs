using Pkgify.Core.Output;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Writers.Segments;

/// <summary>How a writer cuts and caches its payload: the model's cacheable trees, the cache (null: none) and the scratch space.</summary>
public sealed record PayloadSegmenting(IReadOnlyList<string> Trees, SegmentCache? Cache, ScratchSpace Scratch)
{
    /// <summary>The compressed payload stream into <paramref name="output"/> (left open).</summary>
    public SegmentedPayloadStream Open(Stream output, CompressionOptions compression) => new(output, compression, Trees, Cache, Scratch);
}
