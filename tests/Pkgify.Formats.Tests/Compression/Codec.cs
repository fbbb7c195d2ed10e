using Pkgify.Formats.Compression;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>Whole-buffer helpers over the streaming API, for tests only.</summary>
internal static class Codec
{
    /// <summary>Compresses <paramref name="data"/>, written in irregular pieces to cross every internal boundary.</summary>
    public static byte[] Compress(byte[] data, CompressionOptions options, int seed = 7)
    {
        var output = new MemoryStream();
        using (var encoder = CompressionCodec.OpenEncoder(output, options, leaveOpen: true))
            WriteInPieces(encoder, data, seed);
        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed, CompressionKind kind)
    {
        using var decoder = CompressionCodec.OpenDecoder(new MemoryStream(compressed), kind);
        var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Writes with piece sizes from 1 byte to 300 KiB, chosen by <paramref name="seed"/>.</summary>
    public static void WriteInPieces(Stream target, byte[] data, int seed)
    {
        var random = new Random(seed);
        int[] sizes = [1, 7, 4096, 65_537, 131_072, 300_000];
        for (int offset = 0; offset < data.Length;)
        {
            int n = Math.Min(sizes[random.Next(sizes.Length)], data.Length - offset);
            target.Write(data, offset, n);
            offset += n;
        }
    }

    /// <summary>The name the CLI tools use for <paramref name="kind"/>.</summary>
    public static string Tool(CompressionKind kind) => kind switch
    {
        CompressionKind.Gzip => "gzip",
        CompressionKind.Xz => "xz",
        CompressionKind.Zstd => "zstd",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
