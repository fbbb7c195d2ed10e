using System.Buffers.Binary;

namespace Pkgify.Formats.Hashing;

/// <summary>Sizes and constants of MD5 (RFC 1321).</summary>
internal static class Md5Format
{
    /// <summary>MD5 consumes the message in 512-bit blocks (RFC 1321 §3.4).</summary>
    public const int BlockSize = 64;

    /// <summary>A block is sixteen 32-bit little-endian words.</summary>
    public const int WordsPerBlock = 16;

    /// <summary>The digest is A, B, C, D, low-order byte first (RFC 1321 §3.5).</summary>
    public const int DigestSize = 16;

    /// <summary>The chaining variables, one word each.</summary>
    public const int StateWords = 4;

    /// <summary>Room for the padded tail of any message: its last partial block grows to at most two blocks (§3.1).</summary>
    public const int MaxTailSize = 2 * BlockSize;

    /// <summary>Initial A, B, C, D (RFC 1321 §3.3: "word A: 01 23 45 67" etc., low-order bytes first).</summary>
    public const uint InitA = 0x67452301, InitB = 0xefcdab89, InitC = 0x98badcfe, InitD = 0x10325476;

    private const byte PadMarker = 0x80;
    private const int LengthFieldSize = sizeof(ulong);

    /// <summary>
    /// Writes the message's final block(s) to <paramref name="tail"/> (at least <see cref="MaxTailSize"/> bytes): the
    /// bytes after its last full block, then RFC 1321 §3.1 padding (a single 1 bit, i.e. 0x80, then zeros up to
    /// 56 mod 64) and §3.2 the message length in bits as a 64-bit little-endian number. Returns the block count, 1 or 2.
    /// </summary>
    public static int WritePaddedTail(ReadOnlySpan<byte> message, Span<byte> tail)
    {
        var rest = message[(message.Length / BlockSize * BlockSize)..];
        var blocks = rest.Length + 1 + LengthFieldSize <= BlockSize ? 1 : 2;
        var size = blocks * BlockSize;
        rest.CopyTo(tail);
        tail[rest.Length] = PadMarker;
        tail[(rest.Length + 1)..(size - LengthFieldSize)].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(tail[(size - LengthFieldSize)..], (ulong)message.Length * 8);
        return blocks;
    }
}
