using System.Buffers;
using System.Buffers.Binary;

namespace Pkgify.Formats.OpenPgp;

/// <summary>Multiprecision integers as OpenPGP stores them (RFC 4880 §3.2): a bit count, then big-endian bytes.</summary>
internal static class Mpi
{
    /// <summary>Bit length of a big-endian unsigned integer (leading zero bits not counted).</summary>
    public static int BitLength(ReadOnlySpan<byte> value)
    {
        var trimmed = value.TrimStart((byte)0);
        return trimmed.IsEmpty ? 0 : (trimmed.Length * 8) - byte.LeadingZeroCount(trimmed[0]);
    }

    /// <summary>Appends <paramref name="value"/> with leading zero octets stripped, as the MPI rule requires.</summary>
    public static void Write(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        var trimmed = value.TrimStart((byte)0);
        Span<byte> bits = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bits, (ushort)BitLength(trimmed));
        output.Write(bits);
        output.Write(trimmed);
    }

    /// <summary>
    /// <paramref name="value"/> as exactly <paramref name="length"/> big-endian bytes (left-padded with zeros),
    /// or null when it does not fit.
    /// </summary>
    public static byte[]? FixedLength(ReadOnlySpan<byte> value, int length)
    {
        var trimmed = value.TrimStart((byte)0);
        if (trimmed.Length > length)
        {
            return null;
        }

        var result = new byte[length];
        trimmed.CopyTo(result.AsSpan(length - trimmed.Length));
        return result;
    }
}
