using NUnit.Framework;
using Pkgify.Formats.Compression;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

public class CompressionCodecTests
{
    [TestCase(new byte[] { 0x1f, 0x8b, 0x08, 0x00 }, CompressionKind.Gzip)]
    [TestCase(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00 }, CompressionKind.Xz)]
    [TestCase(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x04 }, CompressionKind.Zstd)]
    [TestCase(new byte[] { 0x5A, 0x2A, 0x4D, 0x18, 0x00 }, CompressionKind.Zstd)] // skippable frame
    [TestCase(new byte[] { 0x30, 0x37, 0x30, 0x37, 0x30, 0x31 }, CompressionKind.None)] // cpio newc
    [TestCase(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A }, CompressionKind.None)] // xz magic cut short
    [TestCase(new byte[] { 0x1f }, CompressionKind.None)]
    [TestCase(new byte[] { 0x42, 0x5A, 0x68 }, CompressionKind.None)] // bzip2 is not ours
    [TestCase(new byte[0], CompressionKind.None)]
    public void Sniff_recognises_magic_bytes(byte[] header, CompressionKind expected) =>
        CompressionCodec.Sniff(header).ShouldBe(expected);

    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void Sniff_recognises_our_own_output(CompressionKind kind) =>
        CompressionCodec.Sniff(Codec.Compress(Payloads.Small, CompressionOptions.Default(kind))).ShouldBe(kind);

    [TestCase("gzip", CompressionKind.Gzip)]
    [TestCase("gz", CompressionKind.Gzip)]
    [TestCase("xz", CompressionKind.Xz)]
    [TestCase("zstd", CompressionKind.Zstd)]
    [TestCase("zst", CompressionKind.Zstd)]
    [TestCase("none", CompressionKind.None)]
    [TestCase("XZ", CompressionKind.Xz)]
    public void Parse_accepts_names_and_suffixes(string name, CompressionKind expected) =>
        CompressionCodec.Parse(name).ShouldBe(expected);

    [TestCase("bzip2")]
    [TestCase("lzma")]
    [TestCase("")]
    [TestCase(" xz")]
    public void Parse_rejects_unknown_names_with_the_documented_message(string name) =>
        Should.Throw<ArgumentException>(() => CompressionCodec.Parse(name))
            .Message.ShouldBe($"unknown compression '{name}' (use gzip, xz, zstd or none)");

    [TestCase(CompressionKind.None, "")]
    [TestCase(CompressionKind.Gzip, ".gz")]
    [TestCase(CompressionKind.Xz, ".xz")]
    [TestCase(CompressionKind.Zstd, ".zst")]
    public void FileSuffix_is_the_deb_member_suffix(CompressionKind kind, string suffix) =>
        CompressionCodec.FileSuffix(kind).ShouldBe(suffix);

    [TestCase(CompressionKind.Gzip, "gzip")]
    [TestCase(CompressionKind.Xz, "xz")]
    [TestCase(CompressionKind.Zstd, "zstd")]
    public void RpmCompressorName_is_the_payloadcompressor_value(CompressionKind kind, string name) =>
        CompressionCodec.RpmCompressorName(kind).ShouldBe(name);

    [Test]
    public void RpmCompressorName_rejects_none() =>
        Should.Throw<ArgumentException>(() => CompressionCodec.RpmCompressorName(CompressionKind.None));

    [TestCase(CompressionKind.None, 0, 0)]
    [TestCase(CompressionKind.Gzip, 1, 9)]
    [TestCase(CompressionKind.Xz, 0, 9)]
    [TestCase(CompressionKind.Zstd, 1, 22)]
    public void LevelRange_matches_the_codecs(CompressionKind kind, int min, int max) =>
        CompressionCodec.LevelRange(kind).ShouldBe((min, max));

    [TestCase(CompressionKind.None, 0)]
    [TestCase(CompressionKind.Gzip, 6)]
    [TestCase(CompressionKind.Xz, 6)]
    [TestCase(CompressionKind.Zstd, 3)]
    public void Default_levels_are_the_tools_defaults(CompressionKind kind, int level) =>
        CompressionOptions.Default(kind).ShouldBe(new CompressionOptions(kind, level, 0));

    [TestCase(CompressionKind.Gzip, 0)]
    [TestCase(CompressionKind.Gzip, 10)]
    [TestCase(CompressionKind.Xz, -1)]
    [TestCase(CompressionKind.Xz, 10)]
    [TestCase(CompressionKind.Zstd, 0)]
    [TestCase(CompressionKind.Zstd, 23)]
    [TestCase(CompressionKind.None, 1)]
    public void OpenEncoder_rejects_levels_outside_the_range(CompressionKind kind, int level) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CompressionCodec.OpenEncoder(new MemoryStream(), new CompressionOptions(kind, level)));

    [Test]
    public void OpenEncoder_rejects_negative_threads() =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            CompressionCodec.OpenEncoder(new MemoryStream(), new CompressionOptions(CompressionKind.Zstd, 3, -1)));

    [TestCase(CompressionKind.None)]
    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void Encoder_is_write_only_and_honours_leaveOpen(CompressionKind kind)
    {
        var kept = new MemoryStream();
        using (var encoder = CompressionCodec.OpenEncoder(kept, CompressionOptions.Default(kind), leaveOpen: true))
        {
            encoder.CanWrite.ShouldBeTrue();
            encoder.CanRead.ShouldBeFalse();
            encoder.CanSeek.ShouldBeFalse();
            Should.Throw<NotSupportedException>(() => encoder.Read(new byte[1], 0, 1));
            encoder.WriteByte(42);
        }
        kept.CanWrite.ShouldBeTrue();

        var closed = new MemoryStream();
        CompressionCodec.OpenEncoder(closed, CompressionOptions.Default(kind)).Dispose();
        closed.CanWrite.ShouldBeFalse();
    }

    [TestCase(CompressionKind.None)]
    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void Decoder_is_read_only_and_honours_leaveOpen(CompressionKind kind)
    {
        var compressed = Codec.Compress(Payloads.Small, CompressionOptions.Default(kind));
        var kept = new MemoryStream(compressed);
        using (var decoder = CompressionCodec.OpenDecoder(kept, kind, leaveOpen: true))
        {
            decoder.CanRead.ShouldBeTrue();
            decoder.CanWrite.ShouldBeFalse();
            decoder.CanSeek.ShouldBeFalse();
            Should.Throw<NotSupportedException>(() => decoder.Write(new byte[1], 0, 1));
            decoder.ReadByte().ShouldBe(Payloads.Small[0]);
        }
        kept.CanRead.ShouldBeTrue();

        var closed = new MemoryStream(compressed);
        CompressionCodec.OpenDecoder(closed, kind).Dispose();
        closed.CanRead.ShouldBeFalse();
    }

    [Test]
    public void Gzip_header_carries_no_time_and_no_name()
    {
        foreach (int threads in new[] { 1, 2 })
        {
            var gz = Codec.Compress(Payloads.Small, new CompressionOptions(CompressionKind.Gzip, 9, threads));
            gz[..4].ShouldBe(new byte[] { 0x1f, 0x8b, 8, 0 }, $"threads {threads}: magic, deflate, FLG 0 (no FNAME)");
            gz[4..8].ShouldBe(new byte[4], $"threads {threads}: MTIME 0");
            gz[8].ShouldBe((byte)2, $"threads {threads}: XFL 2 for level 9");
        }
    }
}
