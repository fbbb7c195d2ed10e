using System.Diagnostics;
using System.Security.Cryptography;

namespace Pkgify.Formats.Tests.Hashing;

/// <summary>
/// Prints (never asserts: timing on a shared host is not a test result) the throughput of every path against
/// MD5.HashData, for a venv-like tree of small files and for a few large files. Each figure is the best of a few runs.
/// </summary>
[NonParallelizable]
public class Md5MultiBufferThroughputTests
{
    private const int Runs = 3;
    private const int KiB = 1024;

    [Test]
    public void Prints_throughput_of_12000_messages_of_1_to_60_KiB() =>
        Report("12,000 x 1-60 KiB", Messages(12_000, KiB, 60 * KiB));

    [Test]
    public void Prints_throughput_of_20_messages_of_2_MiB() =>
        Report("20 x 2 MiB", Messages(20, 2048 * KiB, 2048 * KiB));

    private static ReadOnlyMemory<byte>[] Messages(int count, int minLength, int maxLength)
    {
        var random = new Random(count);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var message = new byte[random.Next(minLength, maxLength + 1)];
            random.NextBytes(message);
            return (ReadOnlyMemory<byte>)message;
        }).ToArray();
    }

    private static void Report(string what, ReadOnlyMemory<byte>[] messages)
    {
        var bytes = messages.Sum(m => (long)m.Length);
        var digests = new byte[messages.Length * Md5Reference.DigestSize];
        TestContext.Out.WriteLine($"{what}, {bytes >> 20} MiB:");
        TestContext.Out.WriteLine($"  MD5.HashData each: {MegabytesPerSecond(bytes, () => HashEach(messages, digests)),6:F0} MB/s");
        foreach (var lanes in Md5Reference.AvailableLanes())
        {
            var rate = MegabytesPerSecond(bytes, () => Pkgify.Formats.Hashing.Md5MultiBuffer.HashAll(messages, digests, lanes));
            TestContext.Out.WriteLine($"  HashAll, {lanes,2} lanes: {rate,6:F0} MB/s");
        }
    }

    private static void HashEach(ReadOnlyMemory<byte>[] messages, byte[] digests)
    {
        for (var i = 0; i < messages.Length; i++)
            MD5.HashData(messages[i].Span, digests.AsSpan(i * Md5Reference.DigestSize, Md5Reference.DigestSize));
    }

    private static double MegabytesPerSecond(long bytes, Action hash)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            hash();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return bytes / best.TotalSeconds / 1e6;
    }
}
