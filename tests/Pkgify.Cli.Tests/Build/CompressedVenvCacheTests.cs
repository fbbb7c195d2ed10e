using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Build;

/// <summary>
/// Issue 7: a build after an application-only change reuses the compressed virtualenv segment instead of
/// compressing it again, and its packages are byte-identical to a --no-cache build of the same tree; the
/// real tools read them (dpkg-deb, rpmkeys, rpm2cpio, xz without LZMA_CONCATENATED). A damaged cache
/// entry is detected, not used, and replaced.
/// </summary>
[NonParallelizable]
public class CompressedVenvCacheTests
{
    private HelloWsgiProject _project = null!;
    private ToolResult _cold = null!;
    private ToolResult _warm = null!;
    private ToolResult _noCache = null!;

    /// <summary>Cold build, an application-only change, a warm build and a --no-cache build of the same tree.</summary>
    [OneTimeSetUp]
    public void BuildColdThenWarm()
    {
        _project = new HelloWsgiProject(18_433);
        _cold = Build("cold", FirstCommit);
        File.AppendAllText(Path.Combine(_project.Dir, "hello_wsgi", "app.py"), AppChange + "\n");
        _warm = Build("warm", NextCommit);
        _noCache = Build("no-cache", NextCommit, "--no-cache");
    }

    // As CI sets SOURCE_DATE_EPOCH: the time of the commit built. The app-only change is a later commit; the
    // venv's entries are dated at a fixed time, so its segment is the same in both.
    private const string FirstCommit = "1700000000", NextCommit = "1700086400";

    private const string AppChange = "# an application-only change";

    [OneTimeTearDown]
    public void Cleanup() => _project.Dispose();

    private string SegmentDir => Path.Combine(_project.CacheDir, "segments");

    [Test]
    public void A_cold_build_stores_the_compressed_venv_of_each_package()
    {
        Messages(_cold, "compressed venv stored").ShouldBe(2, _cold.StdErr);
        Messages(_cold, "reused compressed venv").ShouldBe(0, _cold.StdErr);
    }

    [Test]
    public void After_an_app_only_change_the_venv_is_reused_and_the_packages_equal_a_no_cache_build()
    {
        Messages(_warm, "reused compressed venv").ShouldBe(2, _warm.StdErr);
        Messages(_warm, "compressed venv stored").ShouldBe(0, _warm.StdErr);
        Messages(_noCache, "compressed venv").ShouldBe(0, "--no-cache neither reads nor writes the cache");

        foreach (var package in Packages("warm"))
        {
            File.ReadAllBytes(package).ShouldBe(File.ReadAllBytes(Path.Combine(Output("no-cache"), Path.GetFileName(package))), package);
            CheckWithTools(package, AppChange);
        }
    }

    [Test]
    public void A_damaged_cache_entry_is_not_used_and_is_replaced()
    {
        foreach (var entry in Directory.GetFiles(SegmentDir, "*.seg"))
        {
            using var f = File.Open(entry, FileMode.Open, FileAccess.ReadWrite);
            f.Position = f.Length / 2;
            int b = f.ReadByte();
            f.Position = f.Length / 2;
            f.WriteByte((byte)(b ^ 0x40));
        }
        var repaired = Build("repaired", NextCommit);
        Messages(repaired, "is damaged").ShouldBe(2, repaired.StdErr);
        Messages(repaired, "compressed venv stored").ShouldBe(2, repaired.StdErr);
        foreach (var package in Packages("repaired"))
        {
            File.ReadAllBytes(package).ShouldBe(File.ReadAllBytes(Path.Combine(Output("no-cache"), Path.GetFileName(package))), package);
            CheckWithTools(package, AppChange);
        }
        Messages(Build("after-repair", NextCommit), "reused compressed venv").ShouldBe(2);
    }

    /// <summary>dpkg-deb reads the .deb (and its data.tar.xz is one xz stream); rpmkeys checks the .rpm's digests and rpm2cpio + cpio unpack it.</summary>
    private void CheckWithTools(string package, string appMarker)
    {
        using var tree = new TempDir("segcache-tree");
        if (package.EndsWith(".deb", StringComparison.Ordinal))
        {
            ToolRunner.RunChecked("dpkg-deb", ["--info", package]);
            ToolRunner.RunChecked("dpkg-deb", ["-c", package]).StdOut.ShouldContain("./opt/hello-wsgi/venv/bin/python");
            var data = ToolRunner.RunBytesChecked("ar", ["p", package, "data.tar.xz"]).StdOut;
            ToolRunner.RunChecked("xz", ["-t", "--single-stream"], stdin: data);
            ToolRunner.RunChecked("dpkg-deb", ["-x", package, tree.Root]);
        }
        else
        {
            ToolRunner.RunChecked("rpmkeys", ["-K", "--nosignature", package]).StdOut.ShouldContain("digests OK");
            var cpio = ToolRunner.RunBytesChecked("rpm2cpio", [package]).StdOut;
            ToolRunner.RunChecked("cpio", ["-idm", "--quiet", "--no-absolute-filenames"], tree.Root, stdin: cpio);
        }
        File.ReadAllText(tree.Path("opt", "hello-wsgi", "app", "hello_wsgi", "app.py")).ShouldEndWith(appMarker + "\n");
        File.Exists(tree.Path("opt", "hello-wsgi", "venv", "pyvenv.cfg")).ShouldBeTrue();
    }

    private ToolResult Build(string name, string epoch, params string[] extra)
    {
        var args = new[] { "build", _project.Dir, "-o", Output(name), "--source-date-epoch", epoch, "-v" }.Concat(extra);
        var r = PkgifyCli.Run(args, new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir });
        r.ExitCode.ShouldBe(0, r.StdOut + r.StdErr);
        return r;
    }

    private string Output(string name) => Path.Combine(_project.Root, "out-" + name);

    private string[] Packages(string name) => Directory.GetFiles(Output(name)).Order(StringComparer.Ordinal).ToArray();

    private static int Messages(ToolResult r, string text) =>
        (r.StdOut + r.StdErr).Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
