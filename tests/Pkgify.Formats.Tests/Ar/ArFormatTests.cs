using System.Text;
using Pkgify.Formats.Ar;

namespace Pkgify.Formats.Tests.Ar;

/// <summary>The exact header layout, writer validation, and the reader on damaged archives.</summary>
public class ArFormatTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Test]
    public void HeaderIsDpkgDebsPrintfLayout()
    {
        var output = new MemoryStream();
        using (var writer = new ArWriter(output, 1_700_000_000, leaveOpen: true))
        {
            writer.WriteMember("a", "xyz"u8);
        }

        // %-16s%-12ld%-6d%-6d%-8o%-10ld then `\n, data, and '\n' padding after odd sizes (formats.md §1.1).
        Encoding.ASCII.GetString(output.ToArray()).ShouldBe(
            "!<arch>\n" + "a               1700000000  0     0     100644  3         `\n" + "xyz\n");
    }

    [TestCase("")]
    [TestCase("sixteen-chars.xz")]
    [TestCase("a/b")]
    [TestCase("trailing ")]
    [TestCase("ünicode")]
    [TestCase("tab\t")]
    public void RejectsNamesDpkgCannotRead(string name)
    {
        using var writer = new ArWriter(new MemoryStream(), 0);
        Should.Throw<ArgumentException>(() => writer.WriteMember(name, "x"u8));
    }

    [TestCase(2)]
    [TestCase(4)]
    public void AStreamOfTheWrongLengthIsAnIOException(int actual)
    {
        using var writer = new ArWriter(new MemoryStream(), 0);
        Should.Throw<IOException>(() => writer.WriteMember("m", new MemoryStream(new byte[actual]), 3));
    }

    [Test]
    public void RejectsOutOfRangeSizesAndTimes()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ArWriter(new MemoryStream(), -1));
        Should.Throw<ArgumentOutOfRangeException>(() => new ArWriter(new MemoryStream(), 1_000_000_000_000));
        using var writer = new ArWriter(new MemoryStream(), 0);
        Should.Throw<ArgumentOutOfRangeException>(() => writer.WriteMember("m", Stream.Null, 10_000_000_000));
    }

    [TestCase("!<arch>\n", 0, "!<arcx>\n", TestName = "bad global magic")]
    [TestCase("`\n", 58, "`\r", TestName = "bad member magic")]
    [TestCase("3 ", 48, "3a", TestName = "letter in the size")]
    [TestCase("3 ", 48, "-3", TestName = "negative size")]
    [TestCase("3 ", 48, "  ", TestName = "empty size")]
    [TestCase("3 ", 48, " 3", TestName = "size with a leading space")]
    [TestCase("1700000000", 16, "17000x0000", TestName = "garbage in the mtime")]
    [TestCase("100644", 40, "100648", TestName = "non-octal mode")]
    public void DamagedHeadersAreInvalidData(string original, int headerOffset, string replacement)
    {
        var archive = TwoMembers();
        var at = headerOffset == 0 ? 0 : 8 + headerOffset;
        Encoding.ASCII.GetString(archive, at, original.Length).ShouldBe(original);
        Encoding.ASCII.GetBytes(replacement).CopyTo(archive, at);
        Should.Throw<InvalidDataException>(() => ReadAll(new MemoryStream(archive)));
    }

    [Test]
    public void TruncationIsInvalidDataExceptAtMemberBoundaries([Values] bool seekable)
    {
        var archive = TwoMembers();
        // An empty archive (just the magic), the end of the first member's data with or without its pad byte, the end.
        int[] cleanEnds = [8, 68 + 3, 68 + 4, archive.Length];
        BoundedRun.Within(Limit, () =>
        {
            for (var length = 0; length <= archive.Length; length++)
            {
                var input = new MemoryStream(archive[..length]);
                Action read = () => ReadAll(seekable ? input : new NonSeekableStream(input));
                if (cleanEnds.Contains(length))
                {
                    read();
                }
                else
                {
                    Should.Throw<InvalidDataException>(read, $"length {length}");
                }
            }
        });
    }

    [Test]
    public void AHugeDeclaredSizeIsTruncationNotAHang([Values] bool seekable)
    {
        var archive = TwoMembers();
        Encoding.ASCII.GetBytes("9999999999").CopyTo(archive, 8 + 48);
        var input = new MemoryStream(archive);
        BoundedRun.Within(Limit, () =>
            Should.Throw<InvalidDataException>(() => ReadAll(seekable ? input : new NonSeekableStream(input))));
    }

    [Test]
    public void RandomDamageOnlyEverFailsAsInvalidData()
    {
        var random = new Random(7);
        var original = TwoMembers();
        BoundedRun.Within(Limit, () =>
        {
            for (var round = 0; round < 5000; round++)
            {
                var damaged = (byte[])original.Clone();
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                try
                {
                    ReadAll(new NonSeekableStream(new MemoryStream(damaged)));
                }
                catch (InvalidDataException)
                {
                }
            }
        });
    }

    [Test]
    public void ContentStreamStopsWorkingAfterNext()
    {
        using var reader = new ArArchiveReader(new MemoryStream(TwoMembers()));
        var first = reader.Next().ShouldNotBeNull();
        reader.Next().ShouldNotBeNull().Name.ShouldBe("second");
        Should.Throw<ObjectDisposedException>(() => first.Content.ReadByte());
        reader.Next().ShouldBeNull();
        reader.Next().ShouldBeNull();
    }

    [Test]
    public void NamesLoseTrailingSpacesAndOneSlash()
    {
        var archive = TwoMembers();
        Encoding.ASCII.GetBytes("first//").CopyTo(archive, 8);
        using var reader = new ArArchiveReader(new MemoryStream(archive));
        reader.Next().ShouldNotBeNull().Name.ShouldBe("first/");
    }

    /// <summary>"first" (3 bytes, padded) at offset 8, then "second" (4 bytes).</summary>
    private static byte[] TwoMembers()
    {
        var output = new MemoryStream();
        using (var writer = new ArWriter(output, 1_700_000_000, leaveOpen: true))
        {
            writer.WriteMember("first", "abc"u8);
            writer.WriteMember("second", "defg"u8);
        }

        return output.ToArray();
    }

    private static void ReadAll(Stream input)
    {
        using var reader = new ArArchiveReader(input);
        while (reader.Next() is { } member)
        {
            member.Content.CopyTo(Stream.Null);
        }
    }
}
