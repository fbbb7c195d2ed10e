namespace Pkgify.Formats.Tests.Compression;

/// <summary>Bitwise CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), independent of the code under test.</summary>
internal static class ReferenceCrc32
{
    public static uint Of(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
