using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pkgify.Formats.OpenPgp;

/// <summary>What a signature's digest covers (RFC 4880 §5.2.4): the document, then the signature's own hashed part and trailer.</summary>
internal static class SignatureHashing
{
    private const int Version4 = 4;
    private const byte TrailerMarker = 0xFF;
    private const int BufferSize = 64 * 1024;

    /// <summary>Appends <paramref name="data"/> from its current position to its end, streaming.</summary>
    public static void AppendBinary(IncrementalHash hash, Stream data)
    {
        var buffer = new byte[BufferSize];
        int read;
        while ((read = data.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    /// <summary>
    /// Appends <paramref name="data"/> as canonical text for signature type 0x01 (RFC 4880 §5.2.1): every line
    /// end becomes CR LF; a CR LF already there stays as it is.
    /// </summary>
    public static void AppendCanonicalText(IncrementalHash hash, Stream data)
    {
        var buffer = new byte[BufferSize];
        var previous = (byte)0;
        int read;
        while ((read = data.Read(buffer)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n' && previous != '\r')
                {
                    hash.AppendData(buffer, start, i - start);
                    hash.AppendData("\r"u8);
                    start = i;
                }

                previous = buffer[i];
            }

            hash.AppendData(buffer, start, read - start);
        }
    }

    /// <summary>Appends the signature's hashed part (and the v4 trailer) and returns the digest.</summary>
    public static byte[] Finish(IncrementalHash hash, int version, ReadOnlySpan<byte> hashedPart)
    {
        hash.AppendData(hashedPart);
        if (version == Version4)
        {
            // RFC 4880 §5.2.4: 0x04 0xFF and the four-octet length of the hashed part.
            Span<byte> trailer = [Version4, TrailerMarker, 0, 0, 0, 0];
            BinaryPrimitives.WriteUInt32BigEndian(trailer[2..], (uint)hashedPart.Length);
            hash.AppendData(trailer);
        }

        return hash.GetHashAndReset();
    }
}
