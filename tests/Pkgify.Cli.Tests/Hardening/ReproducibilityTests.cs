using System.Globalization;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.Core.Reading;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 8 item 1's matrix: two runs from copies that differ in path, directory creation order, permission
/// bits, owner and mtimes of the sources, run by different users on differently named hosts with different
/// umask, TZ, LANG/LC_ALL, HOME and cache directories, write byte-identical artefacts.
/// </summary>
[NonParallelizable]
public class ReproducibilityTests
{
    private const long Epoch = 1_700_000_000;
    private static readonly string EpochText = Epoch.ToString(CultureInfo.InvariantCulture);

    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("repro");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void Build_of_the_example_is_identical_from_a_foreign_copy_user_host_locale_and_cache()
    {
        using var project = new HelloWsgiProject(port: 18_432);
        var a = _tmp.Path("a", "hello-wsgi");
        Directory.CreateDirectory(_tmp.Path("a"));
        ToolRunner.RunChecked("cp", ["-a", project.Dir, a]);
        SourceCopy.ShuffleMTimes(a, new Random(1));

        // B has no SOURCE_DATE_EPOCH: its build time is the newest mtime of pkgify.yaml and requirements.txt
        // (the documented default), set to A's epoch; every other source gets a random date, newer ones too.
        var b = _tmp.Path("b", "some where", "deeper", "copy");
        SourceCopy.ReverseOrder(project.Dir, b);
        SourceCopy.ShuffleMTimes(b, new Random(2), "pkgify.yaml", "requirements.txt");
        SourceCopy.SetMTime(Path.Combine(b, "pkgify.yaml"), Epoch);
        SourceCopy.SetMTime(Path.Combine(b, "requirements.txt"), Epoch - 1000);
        SourceCopy.PrivateModes(b);
        var (bHome, bOut, bTmp) = (_tmp.Path("b-home"), _tmp.Path("b-out"), _tmp.Path("b-tmp"));
        foreach (var dir in new[] { bHome, bOut, bTmp })
            Directory.CreateDirectory(dir);
        foreach (var dir in new[] { _tmp.Path("b"), bHome, bOut, bTmp })
            SourceCopy.Chown(dir, ForeignRun.User);

        var aOut = _tmp.Path("a-out");
        var ra = PkgifyCli.Run(["build", a, "-f", "deb", "-o", aOut], new Dictionary<string, string>
        {
            ["SOURCE_DATE_EPOCH"] = EpochText,
            ["PKGIFY_CACHE_DIR"] = _tmp.Path("a-cache"),
            ["TZ"] = "UTC",
            ["LANG"] = "C",
        }, umask: "022");
        ra.ExitCode.ShouldBe(0, ra.StdErr);
        var rb = ForeignRun.Pkgify(["build", b, "-f", "deb", "-o", bOut, "--no-cache"], new Dictionary<string, string>
        {
            ["HOME"] = bHome,
            ["TMPDIR"] = bTmp,
            ["PKGIFY_CACHE_DIR"] = "",
            ["XDG_CACHE_HOME"] = "",
            ["SOURCE_DATE_EPOCH"] = "",
        });
        rb.ExitCode.ShouldBe(0, rb.StdErr);

        Artefacts.ShouldBeIdentical(aOut, bOut);
        Directory.GetFileSystemEntries(bTmp).ShouldBeEmpty("a --no-cache build removes its temporary virtualenv");
    }

    [Test]
    public void Pack_is_identical_from_a_foreign_copy_user_host_and_locale()
    {
        var a = _tmp.Path("a", "tree");
        Directory.CreateDirectory(a);
        TrickyTree.Create(a);
        var b = _tmp.Path("b", "other place", "tree");
        SourceCopy.ReverseOrder(a, b);
        SourceCopy.ShuffleMTimes(a, new Random(3));
        SourceCopy.ShuffleMTimes(b, new Random(4));
        var bOut = _tmp.Path("b-out");
        Directory.CreateDirectory(bOut);
        SourceCopy.Chown(_tmp.Path("b"), ForeignRun.User);
        SourceCopy.Chown(bOut, ForeignRun.User);

        var aOut = _tmp.Path("a-out");
        var ra = PkgifyCli.Run(Pack(a, aOut), new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = EpochText, ["TZ"] = "UTC" }, umask: "022");
        ra.ExitCode.ShouldBe(0, ra.StdErr);
        var rb = ForeignRun.Pkgify([.. Pack(b, bOut), "--source-date-epoch", EpochText], new Dictionary<string, string> { ["HOME"] = bOut });
        rb.ExitCode.ShouldBe(0, rb.StdErr);

        Artefacts.ShouldBeIdentical(aOut, bOut);
    }

    [Test]
    public void Without_source_date_epoch_pack_dates_everything_at_the_newest_input_mtime()
    {
        var a = _tmp.Path("a", "tree");
        Directory.CreateDirectory(a);
        TrickyTree.Create(a);
        var newest = Epoch + 12_345;
        var rng = new Random(5);
        foreach (var path in Directory.EnumerateFileSystemEntries(a, "*", SearchOption.AllDirectories).Append(a))
            SourceCopy.SetMTime(path, rng.NextInt64(Epoch - 100_000, newest));
        SourceCopy.SetMTime(Path.Combine(a, "etc", "app.conf"), newest);
        var b = _tmp.Path("b", "tree");
        SourceCopy.ReverseOrder(a, b); // tar keeps the mtimes: the same inputs

        var aOut = _tmp.Path("a-out");
        var bOut = _tmp.Path("b-out");
        PkgifyCli.Run(Pack(a, aOut), new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "" }).ExitCode.ShouldBe(0);
        PkgifyCli.Run(Pack(b, bOut), new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "", ["TZ"] = "America/Denver" }, umask: "027").ExitCode.ShouldBe(0);

        Artefacts.ShouldBeIdentical(aOut, bOut);
        var files = PackageFiles.Inspect(Directory.GetFiles(aOut).Single()).Files;
        files.Select(f => f.Mtime).Distinct().ShouldBe([newest], "every entry is dated at the newest input mtime");
    }

    private static string[] Pack(string tree, string output) =>
        ["pack", tree, "--name", "tricky", "--version", "1.0", "-f", "deb", "-o", output, "--config-file", "etc/app.conf"];
}
