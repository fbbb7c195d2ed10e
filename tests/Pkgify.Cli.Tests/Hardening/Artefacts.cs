using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>Compares everything two runs wrote: same names, same sha256; on a difference, shows where the packages differ.</summary>
public static class Artefacts
{
    public static IReadOnlyDictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), Sha256, StringComparer.Ordinal);

    public static void ShouldBeIdentical(string a, string b)
    {
        var ha = Hashes(a);
        var hb = Hashes(b);
        ha.ShouldNotBeEmpty();
        hb.Keys.Order(StringComparer.Ordinal).ShouldBe(ha.Keys.Order(StringComparer.Ordinal), "the two runs wrote different files");
        foreach (var (name, sha) in ha)
        {
            TestContext.Out.WriteLine($"{name}: {sha} / {hb[name]}");
            if (sha != hb[name])
                Assert.Fail($"{name} differs:\n{Explain(Path.Combine(a, name), Path.Combine(b, name))}");
        }
    }

    public static string Sha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    /// <summary>For .deb files: the differing lines of dpkg-deb's listing and control info, then of the extracted trees.</summary>
    private static string Explain(string a, string b)
    {
        if (!a.EndsWith(".deb", StringComparison.Ordinal))
            return "(no explanation for this kind of file)";
        string Listing(string deb) => ToolRunner.Run("dpkg-deb", ["-c", deb]).StdOut + ToolRunner.Run("dpkg-deb", ["-I", deb]).StdOut;
        using var tmp = new TempDir("explain");
        File.WriteAllText(tmp.Path("a.txt"), Listing(a));
        File.WriteAllText(tmp.Path("b.txt"), Listing(b));
        ToolRunner.Run("dpkg-deb", ["-x", a, tmp.Path("xa")]);
        ToolRunner.Run("dpkg-deb", ["-x", b, tmp.Path("xb")]);
        var listing = ToolRunner.Run("diff", [tmp.Path("a.txt"), tmp.Path("b.txt")]).StdOut;
        var content = ToolRunner.Run("diff", ["-r", "-q", tmp.Path("xa"), tmp.Path("xb")]).StdOut;
        return Truncate(listing, 4000) + "\n" + Truncate(content, 4000);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "\n...";
}
