using System.Buffers.Binary;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// The framing of one OpenPGP packet (RFC 4880 §4.2): where its body starts and how long it is. Both header
/// formats are read; partial and indeterminate lengths are refused because they are only legal for data packets,
/// never for keys or signatures.
/// </summary>
internal readonly record struct OpenPgpPacketHeader(int Tag, int HeaderLength, int BodyLength)
{
    private const byte AlwaysSet = 0x80;
    private const byte NewFormatFlag = 0x40;
    private const int NewFormatTagMask = 0x3F;
    private const int OldFormatTagShift = 2;
    private const int OldFormatTagMask = 0x0F;
    private const int OldFormatLengthTypeMask = 0x03;
    private const int OldFormatIndeterminate = 3;

    // New-format length octets (RFC 4880 §4.2.2).
    private const int OneOctetLimit = 192;
    private const int TwoOctetLimit = 224;
    private const int FiveOctetMarker = 255;

    public int TotalLength => HeaderLength + BodyLength;

    /// <summary>Reads the header at the start of <paramref name="data"/>; the body must lie within it.</summary>
    public static OpenPgpPacketHeader Read(ReadOnlySpan<byte> data, long offsetForMessages)
    {
        var cursor = new OpenPgpCursor(data, $"OpenPGP packet header at offset {offsetForMessages}");
        var first = cursor.ReadByte();
        if ((first & AlwaysSet) == 0)
        {
            // The byte itself is not shown: inside a damaged key file it could be secret material.
            throw new InvalidDataException($"no OpenPGP packet at offset {offsetForMessages}");
        }

        int tag;
        long length;
        if ((first & NewFormatFlag) != 0)
        {
            tag = first & NewFormatTagMask;
            length = ReadNewFormatLength(ref cursor, offsetForMessages);
        }
        else
        {
            tag = (first >> OldFormatTagShift) & OldFormatTagMask;
            length = (first & OldFormatLengthTypeMask) switch
            {
                0 => cursor.ReadByte(),
                1 => cursor.ReadUInt16(),
                2 => cursor.ReadUInt32(),
                _ => throw new InvalidDataException(
                    $"OpenPGP packet at offset {offsetForMessages} has an indeterminate length"),
            };
        }

        var headerLength = cursor.Position;
        if (length > data.Length - headerLength)
        {
            throw new InvalidDataException(
                $"OpenPGP packet at offset {offsetForMessages} claims {length} bytes but only {data.Length - headerLength} follow");
        }

        return new OpenPgpPacketHeader(tag, headerLength, (int)length);
    }

    /// <summary>
    /// Writes an old-format header, the form gpg 2.2 uses for keys, user IDs and signatures, with the smallest
    /// length field that fits.
    /// </summary>
    public static byte[] WriteOldFormat(int tag, int bodyLength)
    {
        if (tag is < 0 or > OldFormatTagMask)
        {
            throw new ArgumentOutOfRangeException(nameof(tag), tag, "old-format packets carry tags 0..15 only");
        }

        var lengthBytes = bodyLength <= byte.MaxValue ? 1 : bodyLength <= ushort.MaxValue ? 2 : 4;
        var lengthType = lengthBytes switch { 1 => 0, 2 => 1, _ => 2 };
        var header = new byte[1 + lengthBytes];
        header[0] = (byte)(AlwaysSet | (tag << OldFormatTagShift) | lengthType);
        switch (lengthBytes)
        {
            case 1:
                header[1] = (byte)bodyLength;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(1), (ushort)bodyLength);
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), (uint)bodyLength);
                break;
        }

        return header;
    }

    /// <summary>A whole old-format packet: header followed by <paramref name="body"/>.</summary>
    public static byte[] OldFormatPacket(int tag, ReadOnlySpan<byte> body)
    {
        var header = WriteOldFormat(tag, body.Length);
        return [.. header, .. body];
    }

    private static long ReadNewFormatLength(ref OpenPgpCursor cursor, long offsetForMessages)
    {
        int first = cursor.ReadByte();
        if (first < OneOctetLimit)
        {
            return first;
        }

        if (first < TwoOctetLimit)
        {
            return ((first - OneOctetLimit) << 8) + cursor.ReadByte() + OneOctetLimit;
        }

        if (first == FiveOctetMarker)
        {
            return cursor.ReadUInt32();
        }

        throw new InvalidDataException(
            $"OpenPGP packet at offset {offsetForMessages} uses a partial body length, which keys and signatures may not");
    }
}
