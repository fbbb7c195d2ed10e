using System.Buffers.Binary;
using NUnit.Framework;
using Pkgify.Formats.Compression;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>Damaged input ends in InvalidDataException, quickly: never a short read, a hang, or another exception.</summary>
public class HostileInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly byte[] Data = Payloads.Mixed(400_000, seed: 11);

    private static readonly CompressionOptions[] Encoders =
    [
        new(CompressionKind.Gzip, 6, 1), new(CompressionKind.Xz, 6, 1), new(CompressionKind.Zstd, 3, 1),
    ];

    private static IEnumerable<TestCaseData> Cuts() =>
        from options in Encoders
        from cut in new[] { "1 byte", "header", "half", "last byte" }
        select new TestCaseData(options, cut).SetArgDisplayNames(options.Kind.ToString(), cut);

    [TestCaseSource(nameof(Cuts))]
    public void Truncated_input_is_damage(CompressionOptions options, string cut)
    {
        var compressed = Codec.Compress(Data, options);
        int length = cut switch
        {
            "1 byte" => 1,
            "header" => 10,
            "half" => compressed.Length / 2,
            _ => compressed.Length - 1,
        };
        ShouldBeDamage(compressed[..length], options.Kind);
    }

    [TestCaseSource(nameof(Encoders))]
    public void Corrupted_input_is_damage(CompressionOptions options)
    {
        var compressed = Codec.Compress(Data, options);
        foreach (int at in new[] { compressed.Length / 3, compressed.Length / 2, compressed.Length - 6 })
        {
            var damaged = (byte[])compressed.Clone();
            damaged[at] ^= 0x5A;
            ShouldBeDamage(damaged, options.Kind, $"byte {at} of {compressed.Length} flipped");
        }
    }

    [TestCaseSource(nameof(Encoders))]
    public void Trailing_garbage_is_damage(CompressionOptions options) =>
        ShouldBeDamage([.. Codec.Compress(Data, options), .. "garbage after the end"u8], options.Kind);

    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void Garbage_and_empty_input_are_damage(CompressionKind kind)
    {
        var random = new byte[4096];
        new Random(13).NextBytes(random);
        ShouldBeDamage(random, kind, "random bytes");
        ShouldBeDamage([], kind, "empty input");
        ShouldBeDamage(Payloads.Small, kind, "plain text");
        var magicThenNoise = Codec.Compress(Payloads.Small, CompressionOptions.Default(kind))[..6];
        ShouldBeDamage([.. magicThenNoise, .. random], kind, "magic then random bytes");
    }

    [Test]
    public void Gzip_trailing_zeros_are_tolerated_like_gzip_does()
    {
        var padded = (byte[])[.. Codec.Compress(Data, new CompressionOptions(CompressionKind.Gzip, 6, 1)), .. new byte[512]];
        ToolRunner.RunBytes("gzip", ["-d", "-c"], stdin: padded).StdOut.ShouldBe(Data);
        Codec.Decompress(padded, CompressionKind.Gzip).ShouldBe(Data);
    }

    [Test]
    public void Zstd_window_beyond_the_limit_is_refused()
    {
        // Frame header (RFC 8878 §3.1.1.1): FHD 0 (no single segment, no checksum, no size), then a window
        // descriptor with exponent 21: a 2^31 = 2 GiB window, more than the 2^27 limit.
        byte[] frame = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 21 << 3, 0x01, 0x00, 0x00];
        ShouldBeDamage(frame, CompressionKind.Zstd).Message.ShouldContain("memory");
    }

    [Test]
    public void Xz_dictionary_beyond_the_memory_limit_is_refused()
    {
        // xz -T1 -0 writes one block whose 12-byte header (xz-file-format.txt §3.1) is: size byte 0x02,
        // flags 0x00, filter id 0x21 (LZMA2), properties size 1, dictionary byte, padding, CRC32.
        // Dictionary byte 40 means 4 GiB - 1 (§5.3.1); the header CRC32 is recomputed so only the limit can object.
        var xz = ToolRunner.RunBytesChecked("xz", ["-T1", "-0", "-c"], stdin: Payloads.Small).StdOut;
        const int blockHeader = 12, dictionaryByte = blockHeader + 4, headerCrc = blockHeader + 8;
        xz[blockHeader].ShouldBe((byte)0x02);
        xz[blockHeader + 2].ShouldBe((byte)0x21);
        xz[dictionaryByte] = 40;
        BinaryPrimitives.WriteUInt32LittleEndian(xz.AsSpan(headerCrc), ReferenceCrc32.Of(xz.AsSpan(blockHeader, 8)));

        ToolRunner.RunBytes("xz", ["-t", "--memlimit=1GiB"], stdin: xz).StdErr.ShouldContain("Memory usage limit reached");
        ShouldBeDamage(xz, CompressionKind.Xz).Message.ShouldContain("memory limit");
    }

    private static InvalidDataException ShouldBeDamage(byte[] input, CompressionKind kind, string? why = null)
    {
        InvalidDataException? caught = null;
        Should.CompleteIn(() => { caught = Should.Throw<InvalidDataException>(() => Codec.Decompress(input, kind), why); }, Bound, why);
        caught!.Message.ShouldStartWith(Codec.Tool(kind) + ": ");
        caught.Message.ShouldNotContain("\n");
        return caught;
    }
}
