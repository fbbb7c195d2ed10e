namespace Pkgify.Formats.OpenPgp;

/// <summary>One framed packet inside a larger buffer (a key ring or a signature): its tag, whole bytes and body.</summary>
internal sealed record OpenPgpPacket(int Tag, ReadOnlyMemory<byte> Raw, ReadOnlyMemory<byte> Body)
{
    /// <summary>
    /// Splits <paramref name="data"/> into packets. At most <paramref name="maxPackets"/> are accepted so a
    /// hostile file of millions of empty packets cannot make us build a huge list.
    /// </summary>
    public static List<OpenPgpPacket> ReadAll(ReadOnlyMemory<byte> data, int maxPackets)
    {
        var packets = new List<OpenPgpPacket>();
        var offset = 0;
        while (offset < data.Length)
        {
            if (packets.Count == maxPackets)
            {
                throw new InvalidDataException($"more than {maxPackets} OpenPGP packets");
            }

            var header = OpenPgpPacketHeader.Read(data.Span[offset..], offset);
            var raw = data.Slice(offset, header.TotalLength);
            packets.Add(new OpenPgpPacket(header.Tag, raw, raw[header.HeaderLength..]));
            offset += header.TotalLength;
        }

        return packets;
    }
}
