using System.Diagnostics;
using NUnit.Framework;
using Pkgify.Formats.Compression;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>
/// Encoders stream: 200 MiB go through each while the managed allocations stay at a few fixed buffers and the
/// process does not grow with the payload once the codec's (fixed) native working memory is in place.
/// </summary>
[NonParallelizable]
public class MemoryBoundTests
{
    private const long Total = 200L * Payloads.MiB;
    private const long WarmUp = 64L * Payloads.MiB;
    private const long AllocationBound = 32L * Payloads.MiB;
    private const long GrowthBound = 64L * Payloads.MiB;

    private static readonly CompressionOptions[] Encoders =
    [
        new(CompressionKind.Gzip, 6, 1),
        new(CompressionKind.Gzip, 6, 0),
        // xz -1, not the default -6: the same threaded encoder and buffering, at a speed a test can afford.
        new(CompressionKind.Xz, 1, 0),
        CompressionOptions.Default(CompressionKind.Zstd),
    ];

    [TestCaseSource(nameof(Encoders))]
    public void Encoding_200_MiB_keeps_memory_bounded(CompressionOptions options)
    {
        var chunk = new byte[Payloads.MiB];
        Payloads.FillText(chunk, new Random(17));
        // A sink that keeps nothing and only counts, so the compressed output is not held either.
        var sink = new HeadCapturingStream(keep: 0);
        long workingSetAfterWarmUp = 0;

        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using (var encoder = CompressionCodec.OpenEncoder(sink, options))
        {
            for (long written = 0; written < Total; written += chunk.Length)
            {
                // Stamp each chunk with its offset so that consecutive chunks differ.
                BitConverter.TryWriteBytes(chunk, written);
                encoder.Write(chunk);
                if (written == WarmUp)
                    workingSetAfterWarmUp = CurrentWorkingSet();
            }
            long growth = CurrentWorkingSet() - workingSetAfterWarmUp;
            TestContext.Out.WriteLine($"{options}: working set {workingSetAfterWarmUp >> 20} MiB after warm-up, then {growth >> 20:+0;-0} MiB");
            growth.ShouldBeLessThan(GrowthBound, $"working set grew by {growth >> 20} MiB over the last {(Total - WarmUp) >> 20} MiB");
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        TestContext.Out.WriteLine($"{options}: {allocated >> 10} KiB allocated, {sink.Length >> 20} MiB written");

        allocated.ShouldBeLessThan(AllocationBound, $"{allocated >> 20} MiB allocated on the managed heap for a {Total >> 20} MiB payload");
        sink.Length.ShouldBeGreaterThan(0);
        sink.Length.ShouldBeLessThan(Total);
    }

    private static long CurrentWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
