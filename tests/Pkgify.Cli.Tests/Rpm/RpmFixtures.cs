using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>The tricky tree with fixed mtimes, and `pkgify pack -f rpm` of it.</summary>
internal static class RpmFixtures
{
    /// <summary>Every entry of the tree gets this mtime, older than <see cref="Epoch"/> so the package keeps it.</summary>
    public const long TreeMTime = 1_600_000_000;

    /// <summary>SOURCE_DATE_EPOCH of every package the tests make.</summary>
    public const long Epoch = 1_700_000_000;

    public const string Name = "tricky";
    public const string Prefix = "/opt/tricky";

    /// <summary>Creates the tricky tree under <paramref name="root"/> with every mtime set to <see cref="TreeMTime"/>.</summary>
    public static IReadOnlyList<TreeEntry> CreateTree(string root)
    {
        var expected = TrickyTree.Create(root);
        ToolRunner.RunChecked("find", [root, "-exec", "touch", "-h", "-d", $"@{TreeMTime}", "{}", "+"]);
        return expected;
    }

    /// <summary>Packs <paramref name="tree"/> as an rpm into <paramref name="output"/> and returns its path.</summary>
    public static string PackRpm(string tree, string output, string version = "1.2.3", string compression = "xz", params string[] extra)
    {
        PkgifyCli.RunChecked(["pack", tree, "--name", Name, "--version", version, "--prefix", Prefix, "-f", "rpm",
            "--compression", compression, "-o", output, "--source-date-epoch", Epoch.ToString(),
            "--maintainer", "Ops Team <ops@example.com>", "--license", "MIT", "--homepage", "https://example.com/tricky",
            "--summary", "Tricky tree", "--description", "A tree that exercises the rpm writer.", .. extra]);
        var rpms = Directory.GetFiles(output, "*.rpm");
        rpms.Length.ShouldBe(1);
        Path.GetFileName(rpms[0]).ShouldBe($"{Name}-{version}-1.noarch.rpm");
        Directory.GetFiles(output).Length.ShouldBe(1, "no temp files are left beside the package");
        return rpms[0];
    }

    /// <summary>`rpm -qp --dump` of a package, by path.</summary>
    public static Dictionary<string, RpmDumpLine> Dump(string rpm) =>
        ToolRunner.RunChecked("rpm", ["-qp", "--dump", rpm]).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(RpmDumpLine.Parse)
            .ToDictionary(l => l.Path, StringComparer.Ordinal);
}
