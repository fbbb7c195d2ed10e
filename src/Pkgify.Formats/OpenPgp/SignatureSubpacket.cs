using System.Buffers;
using System.Buffers.Binary;

namespace Pkgify.Formats.OpenPgp;

/// <summary>One signature subpacket (RFC 4880 §5.2.3.1): type, critical bit and data.</summary>
internal sealed record SignatureSubpacket(int Type, bool Critical, byte[] Data)
{
    public const int CreationTime = 2;
    public const int KeyExpirationTime = 9;
    public const int IssuerKeyId = 16;
    public const int KeyFlags = 27;
    public const int SignersUserId = 28;
    public const int IssuerFingerprint = 33;

    private const byte CriticalBit = 0x80;
    private const int TypeMask = 0x7F;

    // Subpacket lengths use the new-format packet length scheme (RFC 4880 §5.2.3.1).
    private const int OneOctetLimit = 192;
    private const int TwoOctetFirst = 192;
    private const int TwoOctetLimit = 8384;
    private const byte FiveOctetMarker = 255;

    /// <summary>Splits a subpacket area; every length is checked against the area.</summary>
    public static List<SignatureSubpacket> ParseArea(ReadOnlySpan<byte> area)
    {
        var cursor = new OpenPgpCursor(area, "signature subpacket area");
        var list = new List<SignatureSubpacket>();
        while (!cursor.AtEnd)
        {
            long length = cursor.ReadByte();
            if (length >= TwoOctetFirst && length < FiveOctetMarker)
            {
                length = ((length - TwoOctetFirst) << 8) + cursor.ReadByte() + OneOctetLimit;
            }
            else if (length == FiveOctetMarker)
            {
                length = cursor.ReadUInt32();
            }

            if (length == 0 || length > cursor.Remaining)
            {
                throw new InvalidDataException($"signature subpacket length {length} does not fit its area");
            }

            var content = cursor.ReadBytes((int)length);
            list.Add(new SignatureSubpacket(content[0] & TypeMask, (content[0] & CriticalBit) != 0, content[1..].ToArray()));
        }

        return list;
    }

    /// <summary>Appends a non-critical subpacket of <paramref name="type"/> to <paramref name="area"/>.</summary>
    public static void Write(ArrayBufferWriter<byte> area, int type, ReadOnlySpan<byte> data)
    {
        var length = data.Length + 1; // the length counts the type octet
        if (length < OneOctetLimit)
        {
            area.Write([(byte)length]);
        }
        else if (length < TwoOctetLimit)
        {
            var rest = length - OneOctetLimit;
            area.Write([(byte)((rest >> 8) + TwoOctetFirst), (byte)rest]);
        }
        else
        {
            Span<byte> five = [FiveOctetMarker, 0, 0, 0, 0];
            BinaryPrimitives.WriteUInt32BigEndian(five[1..], (uint)length);
            area.Write(five);
        }

        area.Write([(byte)type]);
        area.Write(data);
    }
}
