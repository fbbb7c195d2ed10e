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

    /// <summary>
    /// For packages: the differing lines of the real tools' listings (dpkg-deb -c/-I; rpm -qp --dump/-qpi
    /// --scripts), then, for .deb, which extracted files differ; for other files, diff --text.
    /// </summary>
    private static string Explain(string a, string b)
    {
        var deb = a.EndsWith(".deb", StringComparison.Ordinal);
        if (!deb && !a.EndsWith(".rpm", StringComparison.Ordinal))
            return Truncate(ToolRunner.Run("diff", ["--text", a, b]).StdOut, 8000);
        string Listing(string p) => deb
            ? ToolRunner.Run("dpkg-deb", ["-c", p]).StdOut + ToolRunner.Run("dpkg-deb", ["-I", p]).StdOut
            : ToolRunner.Run("rpm", ["-qp", "--dump", p]).StdOut + ToolRunner.Run("rpm", ["-qpi", "--scripts", p]).StdOut;
        using var tmp = new TempDir("explain");
        File.WriteAllText(tmp.Path("a.txt"), Listing(a));
        File.WriteAllText(tmp.Path("b.txt"), Listing(b));
        var listing = ToolRunner.Run("diff", [tmp.Path("a.txt"), tmp.Path("b.txt")]).StdOut;
        if (!deb)
            return Truncate(listing, 8000);
        ToolRunner.Run("dpkg-deb", ["-x", a, tmp.Path("xa")]);
        ToolRunner.Run("dpkg-deb", ["-x", b, tmp.Path("xb")]);
        var content = ToolRunner.Run("diff", ["-r", "-q", tmp.Path("xa"), tmp.Path("xb")]).StdOut;
        return Truncate(listing, 4000) + "\n" + Truncate(content, 4000);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "\n...";
}
