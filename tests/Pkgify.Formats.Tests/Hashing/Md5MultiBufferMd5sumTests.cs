namespace Pkgify.Formats.Tests.Hashing;

/// <summary>GNU md5sum, the tool behind the md5sums a .deb carries, agrees with every path.</summary>
public class Md5MultiBufferMd5sumTests
{
    private const int Files = 150;

    private static IEnumerable<int> Paths() => Md5Reference.AvailableLanes();

    [TestCaseSource(nameof(Paths))]
    public void Digests_equal_md5sum_output(int lanes)
    {
        var md5sum = ToolRunner.Require("md5sum");
        using var dir = new TempDir("md5mb");
        var random = new Random(lanes);
        var names = new List<string>();
        var contents = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < Files; i++)
        {
            // Lengths from empty to 3 blocks around the padding boundaries, and some files of tens of KiB.
            var length = i % 5 == 0 ? random.Next(0, 100_000) : random.Next(0, 200);
            var content = new byte[length];
            random.NextBytes(content);
            var name = $"f{i:D3}";
            File.WriteAllBytes(dir.Path(name), content);
            names.Add(name);
            contents.Add(content);
        }

        var digests = Md5Reference.HashAll(contents, lanes);

        // md5sum(1) prints "<32 hex digits>  <name>" per file, in argument order.
        var expected = string.Concat(names.Select((n, i) =>
            $"{Convert.ToHexStringLower(digests.AsSpan(i * Md5Reference.DigestSize, Md5Reference.DigestSize))}  {n}\n"));
        ToolRunner.RunChecked(md5sum, names, workingDir: dir.Root).StdOut.ShouldBe(expected);
    }
}
