using System.Collections.Immutable;
using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Core.Model;
using Pkgify.Core.Writers;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Writers;

/// <summary>
/// The prefetcher hands the files back whole, in order, with the digest of exactly their bytes, whatever
/// the number of workers; it reports a file that changed or cannot be read at that file, and stops cleanly.
/// (The digests are also checked against md5sum and sha256sum through real packages in the CLI tests.)
/// </summary>
public class PayloadPrefetcherTests
{
    private const int Chunk = PayloadPrefetcher.ChunkSize;

    private static readonly int[] Sizes = [0, 1, 100, Chunk - 1, Chunk, Chunk + 1, 2 * Chunk, 5 * Chunk + 17, 3, 0, 40_000];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Files_come_back_in_order_with_their_bytes_and_digests(int workers)
    {
        // Many files on a few workers: each worker's buffers are reused many times over.
        var contents = Enumerable.Range(0, 60).Select(i => Content(Sizes[i % Sizes.Length], seed: i)).ToList();
        using var prefetcher = new PayloadPrefetcher(contents.Select(Source).ToList(), HashAlgorithmName.MD5, workers);
        foreach (var expected in contents)
        {
            using var file = prefetcher.Next();
            ReadAll(file).AsSpan().SequenceEqual(expected).ShouldBeTrue("the file's bytes");
            file.HexDigest().ShouldBe(Convert.ToHexStringLower(MD5.HashData(expected)));
        }
        Should.Throw<InvalidOperationException>(() => prefetcher.Next());
    }

    [Test]
    public void Sha256_is_computed_when_asked_for()
    {
        var data = Content(3 * Chunk + 1, seed: 9);
        using var prefetcher = new PayloadPrefetcher([Source(data)], HashAlgorithmName.SHA256);
        using var file = prefetcher.Next();
        ReadAll(file);
        file.HexDigest().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(data)));
    }

    [Test]
    public void A_file_with_more_bytes_than_the_archive_took_is_reported()
    {
        // The archive writer reads the size it declared; a file that grew since the scan has more.
        using var prefetcher = new PayloadPrefetcher([Source(Content(Chunk + 10, seed: 3))], HashAlgorithmName.MD5);
        using var file = prefetcher.Next();
        file.ReadExactly(new byte[Chunk + 5]);
        Should.Throw<IOException>(() => file.HexDigest()).Message.ShouldContain("more bytes than when the tree was scanned");
    }

    [Test]
    public void An_unreadable_file_fails_at_that_file_and_not_before()
    {
        using var tmp = new TempDir();
        var good = Content(1000, seed: 4);
        var missing = new DiskFileSource(tmp.Path("vanished"));
        using var prefetcher = new PayloadPrefetcher([Source(good), missing, Source(good)], HashAlgorithmName.MD5, workers: 2);
        using (var first = prefetcher.Next())
            ReadAll(first).AsSpan().SequenceEqual(good).ShouldBeTrue("the first file's bytes");
        using var second = prefetcher.Next();
        Should.Throw<FileNotFoundException>(() => ReadAll(second)).Message.ShouldContain("vanished");
    }

    [Test]
    public void Disposing_half_way_stops_the_workers()
    {
        // More data than the workers may buffer: they are blocked waiting for free buffers when Dispose comes.
        var big = Content(PayloadPrefetcher.BuffersPerWorker * Chunk * 3, seed: 5);
        var prefetcher = new PayloadPrefetcher(Enumerable.Repeat(Source(big), 4).ToList(), HashAlgorithmName.MD5, workers: 2);
        using (var file = prefetcher.Next())
            file.ReadExactly(new byte[Chunk / 2]);
        var dispose = Task.Run(prefetcher.Dispose);
        dispose.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("Dispose returned");
    }

    private static FileSource Source(byte[] content) => new GeneratedFileSource(ImmutableArray.Create(content));

    private static byte[] Content(int size, int seed)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static byte[] ReadAll(Stream s)
    {
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }
}
