using Pkgify.Cli.Tests.Support;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Formats.Compression;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Valid .deb files to mutate: ours (the tricky tree packed with every compression pkgify writes, so the
/// mutator reaches the tar reader behind each decoder and uncompressed) and Debian's own hello.
/// </summary>
public static class DebSeeds
{
    public static IReadOnlyList<FuzzSeed> Create(TempDir tmp)
    {
        var tree = tmp.Path("seed-tree");
        Directory.CreateDirectory(tree);
        TrickyTree.Create(tree);
        var seeds = new List<FuzzSeed>();
        foreach (var kind in new[] { CompressionKind.None, CompressionKind.Gzip, CompressionKind.Xz, CompressionKind.Zstd })
        {
            var output = tmp.Path("seeds", kind.ToString());
            var packed = DirectoryPackager.Pack(new PackRequest
            {
                Tree = tree,
                Name = "fuzz-seed",
                Version = "1.0",
                Formats = [PackageFamily.Deb],
                Compression = kind,
                OutputDirectory = output,
                SourceDateEpoch = 1_700_000_000,
                ConfigFiles = ["etc/app.conf"],
                Metadata = new PackageMetadata("fuzz seed", "A package whose bytes\nthe fuzzer damages.", "Fuzz <fuzz@example.com>"),
            }).Single();
            seeds.Add(new FuzzSeed($"pack-{kind.ToString().ToLowerInvariant()}", File.ReadAllBytes(packed.Path)));
        }
        seeds.Add(new FuzzSeed("debian-hello", File.ReadAllBytes(DebianPackages.Download("hello"))));
        return seeds;
    }
}
