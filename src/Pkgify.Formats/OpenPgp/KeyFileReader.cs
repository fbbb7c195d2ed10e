using System.Text;

namespace Pkgify.Formats.OpenPgp;

/// <summary>Reads an armored or binary key file or key ring into packets, bounded in size and packet count.</summary>
internal static class KeyFileReader
{
    /// <summary>Far above any real key ring; keeps a wrong path (a disk image, a log) from being read whole.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>A key ring with a few hundred keys and their signatures stays far below this.</summary>
    public const int MaxPackets = 200_000;

    private static readonly byte[] ArmorStart = "-----BEGIN PGP "u8.ToArray();

    public static byte[] ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length > MaxBytes)
        {
            throw new InvalidDataException($"{stream.Length} bytes is too large for a key file");
        }

        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }

    /// <summary>The packets of <paramref name="data"/>, which is either binary or the first armored block in it.</summary>
    public static List<OpenPgpPacket> ReadPackets(byte[] data)
    {
        if (data.Length > MaxBytes)
        {
            throw new InvalidDataException($"{data.Length} bytes is too large for a key ring");
        }

        var binary = IsArmored(data) ? OpenPgpArmor.Decode(Encoding.Latin1.GetString(data), out _) : data;
        if (binary.Length == 0)
        {
            throw new InvalidDataException("no OpenPGP data");
        }

        return OpenPgpPacket.ReadAll(binary, MaxPackets);
    }

    // A binary packet always starts with bit 7 set (RFC 4880 §4.2); armor is text and may follow other text.
    private static bool IsArmored(ReadOnlySpan<byte> data) =>
        data.Length > 0 && (data[0] & 0x80) == 0 && data.IndexOf(ArmorStart) >= 0;
}
