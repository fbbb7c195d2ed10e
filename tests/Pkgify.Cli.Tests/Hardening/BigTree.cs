namespace Pkgify.Cli.Tests.Hardening;

/// <summary>A tree of incompressible (seeded random) files, big enough that packing it takes seconds.</summary>
public static class BigTree
{
    private const int FileBytes = 10 << 20;

    public static void Create(string root, long totalBytes, int seed)
    {
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var rng = new Random(seed);
        var buffer = new byte[FileBytes];
        for (var i = 0; (long)i * FileBytes < totalBytes; i++)
        {
            rng.NextBytes(buffer);
            File.WriteAllBytes(Path.Combine(root, "data", $"blob-{i:D3}.bin"), buffer);
        }
        File.WriteAllText(Path.Combine(root, "README"), "random blobs for the kill test\n");
    }
}
