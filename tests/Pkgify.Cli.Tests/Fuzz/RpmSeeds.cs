using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Formats.Compression;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Valid .rpm files to mutate: ours (the tricky tree packed with each payload compression) and rpmbuild's own
/// (the sample spec: epoch, config file, hardlinks, symlink, scriptlets, relations).
/// </summary>
public static class RpmSeeds
{
    public static IReadOnlyList<FuzzSeed> Create(TempDir tmp)
    {
        var tree = tmp.Path("seed-tree");
        Directory.CreateDirectory(tree);
        TrickyTree.Create(tree);
        var seeds = new List<FuzzSeed>();
        foreach (var kind in new[] { CompressionKind.Gzip, CompressionKind.Xz, CompressionKind.Zstd })
        {
            var packed = DirectoryPackager.Pack(new PackRequest
            {
                Tree = tree,
                Name = "fuzz-seed",
                Version = "1.0",
                Formats = [PackageFamily.Rpm],
                Compression = kind,
                OutputDirectory = tmp.Path("seeds", kind.ToString()),
                SourceDateEpoch = 1_700_000_000,
                ConfigFiles = ["etc/app.conf"],
                Metadata = new PackageMetadata("fuzz seed", "A package whose bytes\nthe fuzzer damages.", "Fuzz <fuzz@example.com>"),
            }).Single();
            seeds.Add(new FuzzSeed($"pack-{kind.ToString().ToLowerInvariant()}", File.ReadAllBytes(packed.Path)));
        }
        foreach (var (name, payload) in new[] { ("rpmbuild-gzip", RpmBuildFixtures.GzipPayload), ("rpmbuild-xz", RpmBuildFixtures.XzPayload) })
        {
            var work = tmp.Path("rpmbuild-" + name);
            Directory.CreateDirectory(work);
            seeds.Add(new FuzzSeed(name, File.ReadAllBytes(RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, work, payload))));
        }
        return seeds;
    }
}
