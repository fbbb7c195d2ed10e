using Pkgify.Formats.Compression;
using Pkgify.Formats.Compression.Segments;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>
/// Segments compressed on their own and joined make one stream that the real tools decode to the
/// concatenation; xz's is a single stream (one header, one index) that even a decoder without
/// LZMA_CONCATENATED (xz --single-stream) reads to the end.
/// </summary>
public class SegmentJoinerTests
{
    private static readonly byte[][] Parts =
    [
        Payloads.Mixed(2 * Payloads.MiB + 12_345, seed: 11),
        Payloads.Empty,
        Payloads.Small,
        Payloads.Mixed(3 * Payloads.MiB, seed: 12),
    ];

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("pkgify-segments-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<TestCaseData> Codecs()
    {
        // xz -0: 1 MiB blocks, so the segments hold 3, 0, 1 and 3 blocks.
        yield return new TestCaseData(new CompressionOptions(CompressionKind.Xz, 0, 2)).SetArgDisplayNames("xz -0");
        yield return new TestCaseData(new CompressionOptions(CompressionKind.Xz, 6, 2)).SetArgDisplayNames("xz -6");
        yield return new TestCaseData(new CompressionOptions(CompressionKind.Zstd, 3, 2)).SetArgDisplayNames("zstd -3");
        yield return new TestCaseData(new CompressionOptions(CompressionKind.Gzip, 6, 2) { SameBytesForAnyThreads = true }).SetArgDisplayNames("gzip -6 blocks");
        yield return new TestCaseData(new CompressionOptions(CompressionKind.Gzip, 9, 1)).SetArgDisplayNames("gzip -9 single");
    }

    [TestCaseSource(nameof(Codecs))]
    public void The_tool_tests_and_decodes_the_joined_stream_to_the_concatenation(CompressionOptions options)
    {
        var joined = Join(options, Parts.Select(p => Codec.Compress(p, options)).ToArray());
        var path = Path.Combine(_dir, "joined" + CompressionCodec.FileSuffix(options.Kind));
        File.WriteAllBytes(path, joined);
        var expected = Parts.SelectMany(p => p).ToArray();
        var tool = Codec.Tool(options.Kind);

        ToolRunner.RunChecked(tool, ["-t", path]);
        ToolRunner.RunBytesChecked(tool, ["-d", "-c", path]).StdOut.ShouldBe(expected);
        Codec.Decompress(joined, options.Kind).ShouldBe(expected);
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Xz_is_one_stream_holding_every_block_of_every_segment(int level)
    {
        var options = new CompressionOptions(CompressionKind.Xz, level, 2);
        var segments = Parts.Select(p => Codec.Compress(p, options)).ToArray();
        int blocksInSegments = segments.Sum(s => XzList(Write("segment.xz", s)).Blocks);
        var path = Write("joined.xz", Join(options, segments));

        var (streams, blocks) = XzList(path);
        streams.ShouldBe(1);
        blocks.ShouldBe(blocksInSegments);
        if (level == 0)
            blocks.ShouldBe(7);
        // A decoder that stops after the first stream still gets everything.
        ToolRunner.RunBytesChecked("xz", ["-d", "-c", "--single-stream", path]).StdOut.ShouldBe(Parts.SelectMany(p => p).ToArray());
    }

    [Test]
    public void Xz_index_and_footer_of_two_one_byte_segments_are_byte_exact()
    {
        var options = new CompressionOptions(CompressionKind.Xz, 0, 1);
        var a = Codec.Compress("a"u8.ToArray(), options);
        var b = Codec.Compress("b"u8.ToArray(), options);
        var joined = Join(options, [a, b]);

        // Each one-block segment: header (12), block, index [00 01 U 01 pad CRC32] (8 + pad), footer (12).
        int blockA = a.Length - 12 - 12 - 8, blockB = b.Length - 12 - 12 - 8;
        byte unpaddedA = a[^18], unpaddedB = b[^18];
        a[^20..^18].ShouldBe(new byte[] { 0x00, 0x01 }, "segment a's index holds one record");
        byte[] indexBody = [0x00, 0x02, unpaddedA, 0x01, unpaddedB, 0x01, 0x00, 0x00];
        byte[] expectedIndex = [.. indexBody, .. LittleEndian(ReferenceCrc32.Of(indexBody))];
        // Backward size = 12 / 4 - 1 = 2; stream flags 00 04 (CRC64).
        byte[] footerCovered = [0x02, 0x00, 0x00, 0x00, 0x00, 0x04];
        byte[] expectedFooter = [.. LittleEndian(ReferenceCrc32.Of(footerCovered)), .. footerCovered, (byte)'Y', (byte)'Z'];

        byte[] expected = [.. a[..12], .. a.AsSpan(12, blockA), .. b.AsSpan(12, blockB), .. expectedIndex, .. expectedFooter];
        joined.ShouldBe(expected);
        ToolRunner.RunBytesChecked("xz", ["-d", "-c", Write("ab.xz", joined)]).StdOut.ShouldBe("ab"u8.ToArray());
    }

    [Test]
    public void No_segment_at_all_is_an_empty_stream_the_tool_accepts()
    {
        var path = Write("empty.xz", Join(new CompressionOptions(CompressionKind.Xz, 6), []));
        ToolRunner.RunBytesChecked("xz", ["-d", "-c", path]).StdOut.ShouldBeEmpty();
    }

    [TestCase(-9, "index CRC32")]
    [TestCase(-1, "footer magic")]
    [TestCase(0, "header magic")]
    [TestCase(-13, "index")]
    public void A_damaged_xz_segment_is_invalid_data(int offset, string what)
    {
        var segment = Codec.Compress(Payloads.Small, new CompressionOptions(CompressionKind.Xz, 0, 1));
        segment[offset < 0 ? segment.Length + offset : offset] ^= 0x55;
        var joiner = new SegmentJoiner(new MemoryStream(), CompressionKind.Xz);
        Should.Throw<InvalidDataException>(() => joiner.Append(new MemoryStream(segment), segment.Length), what);
    }

    [Test]
    public void A_segment_is_read_from_its_position_for_its_length_only()
    {
        var options = new CompressionOptions(CompressionKind.Xz, 0, 1);
        var segment = Codec.Compress(Payloads.Small, options);
        var framed = new MemoryStream([.. "HEAD"u8, .. segment, .. "TAIL"u8]) { Position = 4 };
        var output = new MemoryStream();
        var joiner = new SegmentJoiner(output, CompressionKind.Xz);
        joiner.Append(framed, segment.Length);
        joiner.Finish();
        output.ToArray().ShouldBe(segment, "one segment spliced alone is the segment itself");
    }

    private static byte[] Join(CompressionOptions options, byte[][] segments)
    {
        var output = new MemoryStream();
        var joiner = new SegmentJoiner(output, options.Kind);
        foreach (var s in segments)
            joiner.Append(new MemoryStream(s), s.Length);
        joiner.Finish();
        return output.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>xz -l --robot: the "totals" line holds the stream count (field 2) and block count (field 3).</summary>
    private static (int Streams, int Blocks) XzList(string path)
    {
        var totals = ToolRunner.RunChecked("xz", ["-l", "--robot", path]).StdOut
            .Split('\n').Single(l => l.StartsWith("totals\t", StringComparison.Ordinal)).Split('\t');
        return (int.Parse(totals[1]), int.Parse(totals[2]));
    }

    private static byte[] LittleEndian(uint value) => BitConverter.GetBytes(value);
}
