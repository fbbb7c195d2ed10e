using NUnit.Framework;
using Pkgify.Core.Writers.Segments;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Writers.Segments;

public class SegmentCacheTests
{
    private TempDir _tmp = null!;
    private List<string> _reports = null!;
    private SegmentCache _cache = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir("segcache");
        _reports = new List<string>();
        _cache = new SegmentCache(_tmp.Path("segments"), _reports.Add);
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void A_stored_entry_opens_at_its_compressed_bytes_with_their_length()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        _cache.Store("k1", new MemoryStream(bytes));
        var (stream, length) = _cache.Open("k1")!.Value;
        using (stream)
        {
            length.ShouldBe(bytes.Length);
            var read = new MemoryStream();
            stream.CopyTo(read);
            read.ToArray().ShouldBe(bytes);
        }
        _cache.Open("absent").ShouldBeNull();
        Directory.GetFiles(_cache.Directory).Select(Path.GetFileName).ShouldBe(new[] { "k1.seg" }, "no temp file is left");
    }

    [TestCase("flip a data byte")]
    [TestCase("truncate")]
    [TestCase("append")]
    public void A_damaged_entry_is_reported_deleted_and_not_used(string damage)
    {
        _cache.Store("k1", new MemoryStream(new byte[5000]));
        var path = _cache.PathFor("k1");
        var file = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "flip a data byte" => file.Select((b, i) => i == file.Length - 10 ? (byte)(b ^ 1) : b).ToArray(),
            "truncate" => file[..^1],
            _ => [.. file, 0],
        });
        _cache.Open("k1").ShouldBeNull();
        File.Exists(path).ShouldBeFalse();
        _reports.ShouldContain(r => r.Contains("is damaged"));
    }

    [Test]
    public void Only_the_most_recently_used_entries_are_kept()
    {
        var start = DateTime.UtcNow.AddHours(-1);
        for (int i = 0; i < SegmentCache.MaxEntries; i++)
        {
            _cache.Store("k" + i, new MemoryStream(new byte[10]));
            File.SetLastWriteTimeUtc(_cache.PathFor("k" + i), start.AddMinutes(i));
        }
        // k0 is the oldest, but a hit makes it the most recently used: k1 goes when a new entry arrives.
        _cache.Open("k0")!.Value.Stream.Dispose();
        _cache.Store("new", new MemoryStream(new byte[10]));
        Directory.GetFiles(_cache.Directory, "*.seg").Length.ShouldBe(SegmentCache.MaxEntries);
        File.Exists(_cache.PathFor("k0")).ShouldBeTrue();
        File.Exists(_cache.PathFor("k1")).ShouldBeFalse();
        File.Exists(_cache.PathFor("new")).ShouldBeTrue();
    }
}
