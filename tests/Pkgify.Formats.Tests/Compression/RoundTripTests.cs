using NUnit.Framework;
using Pkgify.Formats.Compression;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

public class RoundTripTests
{
    private static readonly CompressionOptions[] Options =
    [
        new(CompressionKind.None, 0),
        new(CompressionKind.Gzip, 1, 1),
        new(CompressionKind.Gzip, 6, 1),
        new(CompressionKind.Gzip, 9, 1),
        new(CompressionKind.Gzip, 1, 0),
        new(CompressionKind.Gzip, 6, 2),
        new(CompressionKind.Gzip, 9, 8),
        new(CompressionKind.Xz, 0, 1),
        new(CompressionKind.Xz, 6, 2),
        new(CompressionKind.Xz, 9, 1),
        new(CompressionKind.Zstd, 1, 1),
        new(CompressionKind.Zstd, 3, 2),
        new(CompressionKind.Zstd, 19, 2),
        new(CompressionKind.Zstd, 22, 1),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from options in Options
        from data in new[] { Payloads.Empty, Payloads.Small, Payloads.Mixed(5 * Payloads.MiB) }
        select new TestCaseData(options, data).SetArgDisplayNames(
            $"{options.Kind} -{options.Level} T{options.Threads}", Payloads.Describe(data));

    [TestCaseSource(nameof(Cases))]
    public void Decoding_gives_back_what_was_encoded(CompressionOptions options, byte[] data)
    {
        var compressed = Codec.Compress(data, options);
        CompressionCodec.Sniff(compressed).ShouldBe(options.Kind);
        Codec.Decompress(compressed, options.Kind).ShouldBe(data);
    }

    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void Decoder_reads_through_small_caller_buffers(CompressionKind kind)
    {
        var data = Payloads.Mixed(300_000);
        using var decoder = CompressionCodec.OpenDecoder(new MemoryStream(Codec.Compress(data, CompressionOptions.Default(kind))), kind);
        var result = new MemoryStream();
        var buffer = new byte[3];
        int n;
        while ((n = decoder.Read(buffer, 0, buffer.Length)) > 0)
            result.Write(buffer, 0, n);
        result.ToArray().ShouldBe(data);
        decoder.Read(buffer, 0, buffer.Length).ShouldBe(0, "end of data stays end of data");
    }

    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void Flush_does_not_change_the_bytes(CompressionKind kind)
    {
        var data = Payloads.Mixed(2 * Payloads.MiB);
        var options = CompressionOptions.Default(kind);
        var flushed = new MemoryStream();
        using (var encoder = CompressionCodec.OpenEncoder(flushed, options, leaveOpen: true))
        {
            for (int offset = 0; offset < data.Length; offset += 100_000)
            {
                encoder.Write(data, offset, Math.Min(100_000, data.Length - offset));
                encoder.Flush();
            }
        }
        flushed.ToArray().ShouldBe(Codec.Compress(data, options));
    }
}
