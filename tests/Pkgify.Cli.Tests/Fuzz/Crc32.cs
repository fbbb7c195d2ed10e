using System.Buffers.Binary;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as xz stores it, little-endian after the data.</summary>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320;
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
            c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>Writes the CRC of <paramref name="length"/> bytes at <paramref name="offset"/> right after them.</summary>
    public static void Store(byte[] bytes, int offset, int length)
    {
        if (offset + length + 4 > bytes.Length)
            return;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + length, 4), Compute(bytes.AsSpan(offset, length)));
    }
}
