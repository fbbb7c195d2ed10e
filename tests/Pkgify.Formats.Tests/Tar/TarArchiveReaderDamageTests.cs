using System.Text;
using Pkgify.Formats.Tar;
using static Pkgify.Formats.Tests.Tar.TarFixtures;

namespace Pkgify.Formats.Tests.Tar;

/// <summary>
/// Hostile and damaged archives: the reader must end cleanly or throw <see cref="InvalidDataException"/>, never
/// another exception, never hang. The base archive comes from GNU tar so damage is applied to real-world bytes.
/// </summary>
public class TarArchiveReaderDamageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const int Block = 512;
    private const int SizeOffset = 124;
    private const int SizeLength = 12;
    private const int ChecksumOffset = 148;
    private const int ChecksumLength = 8;

    private static byte[] _archive = [];
    private static int[] _headerBlocks = [];
    private static int _endOfArchive;

    [OneTimeSetUp]
    public static void MakeArchive()
    {
        using var dir = new TempDir();
        var tree = dir.Path("tree");
        Directory.CreateDirectory(Path.Combine(tree, "d"));
        File.WriteAllText(Path.Combine(tree, "d", "f.txt"), "hello\n");
        File.WriteAllText(Path.Combine(tree, new string('n', 150)), new string('x', 700));
        File.CreateSymbolicLink(Path.Combine(tree, "link"), new string('t', 120));
        _archive = ToolRunner.RunBytesChecked("tar", ["--format=gnu", "-b", "1", "-cf", "-", "."], tree).StdOut;

        // Find the header blocks and the first end-of-archive block by walking the archive.
        var headers = new List<int>();
        var pos = 0;
        while (_archive.AsSpan(pos, Block).IndexOfAnyExcept((byte)0) >= 0)
        {
            headers.Add(pos);
            var size = Convert.ToInt64(Encoding.ASCII.GetString(_archive, pos + SizeOffset, SizeLength - 1), 8);
            pos += Block + (int)((size + Block - 1) / Block * Block);
        }

        _headerBlocks = headers.ToArray();
        _endOfArchive = pos;
        _headerBlocks.Length.ShouldBeGreaterThanOrEqualTo(7); // ./, d/, f.txt, L + long, K + link
    }

    [Test]
    public void EveryBitFlipInAHeaderIsReportedAsInvalidData()
    {
        BoundedRun.Within(Limit, () =>
        {
            foreach (var header in _headerBlocks)
            {
                for (var i = 0; i < Block; i++)
                {
                    var damaged = (byte[])_archive.Clone();
                    damaged[header + i] ^= (byte)(1 << (i % 8));
                    var outcome = Outcome(damaged);

                    // Inside the checksum field a flip may only change a terminator ('\0' <-> ' ') and stay valid.
                    var inChecksum = i is >= ChecksumOffset and < ChecksumOffset + ChecksumLength;
                    if (!inChecksum)
                    {
                        outcome.ShouldBeOfType<InvalidDataException>($"flip at {header + i}");
                    }
                }
            }
        });
    }

    [Test]
    public void TruncationAtEveryBlockBoundaryIsInvalidDataUntilTheEndBlock([Values] bool seekable)
    {
        BoundedRun.Within(Limit, () =>
        {
            for (var length = 0; length <= _archive.Length; length += Block)
            {
                var outcome = Outcome(_archive[..length], seekable);
                if (length > _endOfArchive)
                {
                    outcome.ShouldBeNull($"length {length}");
                }
                else
                {
                    outcome.ShouldBeOfType<InvalidDataException>($"length {length}");
                }
            }
        });
    }

    [Test]
    public void TruncationAtEveryByteNeverThrowsAnythingElse()
    {
        BoundedRun.Within(Limit, () =>
        {
            for (var length = 0; length < _endOfArchive; length++)
            {
                Outcome(_archive[..length], seekable: length % 2 == 0).ShouldBeOfType<InvalidDataException>($"length {length}");
            }
        });
    }

    [TestCase(new byte[] { (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', (byte)'7', 0 }, TestName = "largest octal size")]
    [TestCase(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0 }, TestName = "base-256 size of 4 GiB")]
    [TestCase(new byte[] { 0x80, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, TestName = "base-256 size beyond 64 bits")]
    [TestCase(new byte[] { 0x80, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, TestName = "base-256 size of long.MaxValue")]
    [TestCase(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE }, TestName = "negative base-256 size")]
    [TestCase(new byte[] { (byte)'1', (byte)'2', (byte)'x', (byte)'4', 0, 0, 0, 0, 0, 0, 0, 0 }, TestName = "garbage in the size")]
    [TestCase(new byte[] { (byte)'1', (byte)'2', 0, (byte)'4', 0, 0, 0, 0, 0, 0, 0, 0 }, TestName = "digits after the terminator")]
    public void ForgedSizesAreInvalidData(byte[] sizeField)
    {
        foreach (var header in _headerBlocks)
        {
            var damaged = (byte[])_archive.Clone();
            sizeField.CopyTo(damaged, header + SizeOffset);
            FixChecksum(damaged, header);
            BoundedRun.Within(Limit, () =>
            {
                Outcome(damaged, seekable: true).ShouldBeOfType<InvalidDataException>();
                Outcome(damaged, seekable: false).ShouldBeOfType<InvalidDataException>();
            });
        }
    }

    [TestCase((byte)'L')]
    [TestCase((byte)'K')]
    [TestCase((byte)'x')]
    [TestCase((byte)'g')]
    public void AMetaEntryClaimingOneTebibyteIsRefusedBeforeReading(byte type)
    {
        var header = MetaHeader(type, 1L << 40);
        var outcome = Outcome([.. header, .. new byte[2 * Block]]);
        outcome.ShouldBeOfType<InvalidDataException>().Message.ShouldContain("exceeds the limit");
    }

    [TestCase("abc\n")]
    [TestCase("5 a=b\n")]
    [TestCase("99 path=x\n")]
    [TestCase("8 pathx\n")]
    [TestCase("10 =value\n")]
    [TestCase("11 size=-1\n")]
    [TestCase("12 size=1e3\n")]
    [TestCase("13 mtime=1.x\n")]
    [TestCase("9 path=x ")]
    public void MalformedPaxRecordsAreInvalidData(string records)
    {
        var body = Encoding.UTF8.GetBytes(records);
        var file = FixtureEntry.File("f", "data");
        byte[] archive = [.. MetaHeader((byte)'x', body.Length), .. Padded(body), .. Write([file])];
        Outcome(archive).ShouldBeOfType<InvalidDataException>(records).Message.ShouldContain("PAX");
    }

    [Test]
    public void AnArchiveEndingAfterALongNameIsInvalidData()
    {
        var name = Encoding.UTF8.GetBytes(new string('n', 200) + "\0");
        byte[] archive = [.. MetaHeader((byte)'L', name.Length), .. Padded(name), .. new byte[2 * Block]];
        Outcome(archive).ShouldBeOfType<InvalidDataException>();
    }

    [Test]
    public void MoreHeadersThanTheLimitIsInvalidData()
    {
        var limits = new TarReaderLimits(MaxEntries: 3);
        Should.Throw<InvalidDataException>(() => ReadAll(new MemoryStream(_archive), limits));
        ReadAll(new MemoryStream(_archive), new TarReaderLimits(MaxEntries: _headerBlocks.Length)).Count.ShouldBe(5);
    }

    [Test]
    public void RandomHeaderDamageWithValidChecksumsOnlyEverFailsAsInvalidData()
    {
        var random = new Random(20240601);
        BoundedRun.Within(Limit, () =>
        {
            for (var round = 0; round < 3000; round++)
            {
                var damaged = (byte[])_archive.Clone();
                var header = _headerBlocks[random.Next(_headerBlocks.Length)];
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    damaged[header + random.Next(Block)] = (byte)random.Next(256);
                }

                FixChecksum(damaged, header);
                var outcome = Outcome(damaged, seekable: round % 2 == 0);
                if (outcome is not null and not InvalidDataException)
                {
                    throw new AssertionException($"round {round}: {outcome}");
                }
            }
        });
    }

    [Test]
    public void ContentStreamStopsWorkingAfterNext()
    {
        using var reader = new TarArchiveReader(new MemoryStream(_archive));
        var first = reader.Next().ShouldNotBeNull();
        reader.Next();
        Should.Throw<ObjectDisposedException>(() => first.Content.ReadByte());
    }

    [Test]
    public void AfterDamageEveryLaterCallFailsAgain()
    {
        var damaged = _archive[..(_endOfArchive - Block)];
        using var reader = new TarArchiveReader(new MemoryStream(damaged));
        Should.Throw<InvalidDataException>(() => { while (reader.Next() is not null) { } });
        Should.Throw<InvalidDataException>(() => reader.Next());
    }

    /// <summary>Reads everything; returns null on a clean end or the exception thrown.</summary>
    private static Exception? Outcome(byte[] archive, bool seekable = true)
    {
        try
        {
            Stream input = seekable ? new MemoryStream(archive) : new NonSeekableStream(new MemoryStream(archive));
            ReadAll(input);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static byte[] MetaHeader(byte type, long size)
    {
        var block = new byte[Block];
        Encoding.ASCII.GetBytes("././@LongLink").CopyTo(block, 0);
        TarNumericField.Write(block.AsSpan(SizeOffset, SizeLength), size);
        block[156] = type;
        Encoding.ASCII.GetBytes("ustar  \0").CopyTo(block, 257);
        FixChecksum(block, 0);
        return block;
    }

    private static byte[] Padded(byte[] content) => [.. content, .. new byte[(Block - (content.Length % Block)) % Block]];

    private static void FixChecksum(byte[] archive, int header) =>
        TarChecksum.Store(archive.AsSpan(header, Block));
}
