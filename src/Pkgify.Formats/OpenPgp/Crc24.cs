namespace Pkgify.Formats.OpenPgp;

/// <summary>The CRC-24 of the ASCII armor checksum line (RFC 4880 §6.1).</summary>
internal static class Crc24
{
    private const uint Init = 0xB704CE;
    private const uint Poly = 0x1864CFB;
    private const uint Mask = 0xFFFFFF;
    private const uint TopBit = 0x1000000;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = Init;
        foreach (var b in data)
        {
            crc ^= (uint)b << 16;
            for (var bit = 0; bit < 8; bit++)
            {
                crc <<= 1;
                if ((crc & TopBit) != 0)
                {
                    crc ^= Poly;
                }
            }
        }

        return crc & Mask;
    }
}
