using System.Security.Cryptography;
using Pkgify.Core.IO;

namespace Pkgify.Core.Reading;

/// <summary>
/// Read-through stream that feeds everything read to the given hashes and counts it, so that one read of a
/// package checks all the digests and sizes that cover the same bytes. The hashes belong to the caller.
/// </summary>
internal sealed class MeasuringReadStream(Stream inner, params IncrementalHash[] hashes) : ForwardReadStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        foreach (var hash in hashes)
            hash.AppendData(buffer[..n]);
        BytesRead += n;
        return n;
    }
}
