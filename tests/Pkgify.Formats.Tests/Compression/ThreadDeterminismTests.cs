using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Formats.Compression;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>The promise that output bytes do not depend on the thread count.</summary>
public class ThreadDeterminismTests
{
    // Several xz blocks at -0 and -1 (1 and 3 MiB) and several zstd jobs, so that threads really run in parallel.
    private static readonly byte[] Data = Payloads.Mixed(12 * Payloads.MiB, seed: 5);

    [TestCase(CompressionKind.Xz, 0)]
    [TestCase(CompressionKind.Xz, 1)]
    [TestCase(CompressionKind.Zstd, 1)]
    [TestCase(CompressionKind.Zstd, 3)]
    public void Same_bytes_for_1_2_and_8_threads(CompressionKind kind, int level)
    {
        var one = Digest(new CompressionOptions(kind, level, 1));
        Digest(new CompressionOptions(kind, level, 2)).ShouldBe(one);
        Digest(new CompressionOptions(kind, level, 8)).ShouldBe(one);
    }

    [TestCase(CompressionKind.Gzip, 1)]
    [TestCase(CompressionKind.Gzip, 2)]
    [TestCase(CompressionKind.Xz, 2)]
    [TestCase(CompressionKind.Zstd, 2)]
    public void Same_bytes_for_every_write_pattern(CompressionKind kind, int threads)
    {
        var data = Payloads.Mixed(3 * Payloads.MiB, seed: 6);
        var options = CompressionOptions.Default(kind) with { Threads = threads };
        var reference = Codec.Compress(data, options, seed: 1);
        Codec.Compress(data, options, seed: 2).ShouldBe(reference, "another mix of write sizes");

        var byteByByte = new MemoryStream();
        using (var encoder = CompressionCodec.OpenEncoder(byteByByte, options, leaveOpen: true))
            foreach (byte b in data.AsSpan(0, 100_000))
                encoder.WriteByte(b);
        byteByByte.ToArray().ShouldBe(Codec.Compress(data[..100_000], options), "one byte at a time");
    }

    [Test]
    public void Xz_uses_several_blocks_at_level_1()
    {
        // Guards the test above: with a single block the thread count could not matter anyway.
        ((ulong)Data.Length).ShouldBeGreaterThan(2 * XzEncoderStream.BlockSize(1));
    }

    private static string Digest(CompressionOptions options) => Convert.ToHexString(SHA256.HashData(Codec.Compress(Data, options)));
}
