using NUnit.Framework;
using Pkgify.Formats.Compression;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>The real tools accept what we write, and we read what the real tools write.</summary>
public class ToolInteropTests
{
    private static readonly byte[] Data = Payloads.Mixed(5 * Payloads.MiB, seed: 3);
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("pkgify-compression-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<TestCaseData> OurOutputs()
    {
        CompressionOptions[] options =
        [
            new(CompressionKind.Gzip, 1, 1), new(CompressionKind.Gzip, 6, 1), new(CompressionKind.Gzip, 9, 1),
            new(CompressionKind.Gzip, 1, 0), new(CompressionKind.Gzip, 6, 2), new(CompressionKind.Gzip, 9, 8),
            new(CompressionKind.Xz, 0, 1), new(CompressionKind.Xz, 6, 2), new(CompressionKind.Xz, 9, 1),
            new(CompressionKind.Zstd, 1, 1), new(CompressionKind.Zstd, 3, 2), new(CompressionKind.Zstd, 19, 2),
        ];
        foreach (var o in options)
        {
            yield return new TestCaseData(o, false).SetArgDisplayNames($"{o.Kind} -{o.Level} T{o.Threads}", "5MiB");
            yield return new TestCaseData(o, true).SetArgDisplayNames($"{o.Kind} -{o.Level} T{o.Threads}", "empty");
        }
    }

    [TestCaseSource(nameof(OurOutputs))]
    public void Tool_tests_and_decodes_our_output(CompressionOptions options, bool empty)
    {
        var data = empty ? Payloads.Empty : Data;
        var tool = Codec.Tool(options.Kind);
        var path = Path.Combine(_dir, "payload" + CompressionCodec.FileSuffix(options.Kind));
        File.WriteAllBytes(path, Codec.Compress(data, options));

        ToolRunner.RunChecked(tool, ["-t", path]);
        ToolRunner.RunBytesChecked(tool, ["-d", "-c", path]).StdOut.ShouldBe(data);
    }

    [TestCase(CompressionKind.Xz, 0, "xz", "-T2", "-0", "-c")]
    [TestCase(CompressionKind.Xz, 1, "xz", "-T2", "-1", "-c")]
    [TestCase(CompressionKind.Zstd, 1, "zstd", "-T2", "-1", "-c", "-q")]
    [TestCase(CompressionKind.Zstd, 3, "zstd", "-T2", "-3", "-c", "-q")]
    public void Our_bytes_equal_the_tools_multithreaded_output(CompressionKind kind, int level, string tool, params string[] args)
    {
        // Both tools drive the same system library with the same settings we use (xz: threaded encoder,
        // default block size, CRC64; zstd from stdin: checksum, no content size, workers >= 1), so the
        // bytes must match exactly: a byte-level check of every option we pass.
        var ours = Codec.Compress(Data, new CompressionOptions(kind, level, 2));
        ours.ShouldBe(ToolRunner.RunBytesChecked(tool, args, stdin: Data).StdOut);
    }

    private static IEnumerable<TestCaseData> ToolOutputs()
    {
        yield return Case(CompressionKind.Xz, "xz", "-T2", "-6", "-c");
        yield return Case(CompressionKind.Xz, "xz", "-T1", "-6", "-c"); // single-threaded format, what dpkg-deb writes
        yield return Case(CompressionKind.Xz, "xz", "-T1", "-0", "--check=sha256", "-c");
        yield return Case(CompressionKind.Zstd, "zstd", "-19", "-T2", "-c", "-q");
        yield return Case(CompressionKind.Zstd, "zstd", "-3", "--no-check", "-c", "-q");
        yield return Case(CompressionKind.Gzip, "gzip", "-9", "-c");
        yield return Case(CompressionKind.Gzip, "gzip", "-1", "-c");
        yield return Case(CompressionKind.Gzip, "pigz", "-p", "2", "-c");

        static TestCaseData Case(CompressionKind kind, string tool, params string[] args) =>
            new TestCaseData(kind, tool, args).SetArgDisplayNames(tool + " " + string.Join(' ', args));
    }

    [TestCaseSource(nameof(ToolOutputs))]
    public void We_decode_the_tools_output(CompressionKind kind, string tool, string[] args)
    {
        // Every tool is required (pigz too: build/test-deps.txt installs it); a missing one fails the test.
        var compressed = ToolRunner.RunBytesChecked(tool, args, stdin: Data).StdOut;
        CompressionCodec.Sniff(compressed).ShouldBe(kind);
        Codec.Decompress(compressed, kind).ShouldBe(Data);
    }

    [TestCase(CompressionKind.Gzip)]
    [TestCase(CompressionKind.Xz)]
    [TestCase(CompressionKind.Zstd)]
    public void We_decode_concatenated_tool_output_like_the_tool(CompressionKind kind)
    {
        // gzip members, xz streams and zstd frames may be concatenated; each tool decodes them all.
        var tool = Codec.Tool(kind);
        var first = Payloads.Small;
        var second = Payloads.Mixed(200_000, seed: 9);
        byte[] joined = [.. ToolRunner.RunBytesChecked(tool, ["-c"], stdin: first).StdOut, .. ToolRunner.RunBytesChecked(tool, ["-c"], stdin: second).StdOut];
        byte[] expected = [.. first, .. second];

        ToolRunner.RunBytesChecked(tool, ["-d", "-c"], stdin: joined).StdOut.ShouldBe(expected);
        Codec.Decompress(joined, kind).ShouldBe(expected);
    }
}
