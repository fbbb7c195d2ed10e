using System.Text.Json;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Deb;

/// <summary>`inspect` and `verify` on Debian's own packages and ours, checked against dpkg-deb.</summary>
public class DebInspectVerifyTests
{
    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir();

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void Inspect_json_of_debians_hello_agrees_with_dpkg_deb()
    {
        var deb = DebianPackages.Download("hello");
        var json = JsonDocument.Parse(PkgifyCli.RunChecked("inspect", "--json", deb).StdOut).RootElement;

        json.GetProperty("format").GetString().ShouldBe("deb");
        var fields = json.GetProperty("fields");
        var fieldNames = ToolRunner.RunChecked("dpkg-deb", new[] { "--info", deb }).StdOut.Split('\n')
            .Where(l => l.Length > 1 && l[0] == ' ' && l[1] != ' ' && l.Contains(':'))
            .Select(l => l.Trim().Split(':')[0])
            .Where(n => !n.Contains(' '))
            .ToList();
        fieldNames.ShouldContain("Package");
        foreach (var name in fieldNames)
        {
            var expected = ToolRunner.RunChecked("dpkg-deb", new[] { "-f", deb, name }).StdOut.TrimEnd('\n');
            fields.GetProperty(name).GetString().ShouldBe(expected, $"field {name}");
        }
        json.GetProperty("name").GetString().ShouldBe("hello");

        var listing = ToolRunner.RunChecked("dpkg-deb", new[] { "-c", deb }).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(DpkgListing.Parse).Where(e => e.Path != "/").ToList();
        var files = json.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).ShouldBe(listing.Select(l => l.Path));
        for (var i = 0; i < listing.Count; i++)
        {
            files[i].GetProperty("mode").GetString().ShouldBe(listing[i].Mode, listing[i].Path);
            files[i].GetProperty("size").GetInt64().ShouldBe(listing[i].Size, listing[i].Path);
            files[i].GetProperty("owner").GetString().ShouldBe(listing[i].Owner, listing[i].Path);
            files[i].GetProperty("type").GetString().ShouldBe(listing[i].Type, listing[i].Path);
            if (listing[i].Target is { } t)
                files[i].GetProperty("target").GetString().ShouldBe(t, listing[i].Path);
        }
    }

    [Test]
    public void Inspect_of_our_deb_shows_the_scripts_and_conffiles_dpkg_deb_sees()
    {
        var tree = _tmp.Path("tree");
        TrickyTree.Create(tree);
        var script = _tmp.Path("postinst.sh");
        File.WriteAllText(script, "#!/bin/sh\nset -e\necho \"configured $1\"\n");
        PkgifyCli.RunChecked("pack", tree, "--name", "tricky", "--version", "1.2.3", "-f", "deb", "-o", _tmp.Path("out"),
            "--config-file", "etc/app.conf", "--config-file", "/opt/tricky/etc/secret.key", "--after-install", script);
        var deb = Directory.GetFiles(_tmp.Path("out"), "*.deb").Single();
        var postinst = ToolRunner.RunChecked("dpkg-deb", new[] { "--info", deb, "postinst" }).StdOut;
        var conffiles = ToolRunner.RunChecked("dpkg-deb", new[] { "--info", deb, "conffiles" }).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        conffiles.ShouldBe(new[] { "/opt/tricky/etc/app.conf", "/opt/tricky/etc/secret.key" }, ignoreOrder: true);

        var json = JsonDocument.Parse(PkgifyCli.RunChecked("inspect", "--json", deb).StdOut).RootElement;
        var scripts = json.GetProperty("scripts");
        scripts.GetProperty("postinst").GetString().ShouldBe(postinst);
        scripts.EnumerateObject().Select(p => p.Name).ShouldBe(new[] { "postinst" });
        json.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("config").GetBoolean())
            .Select(f => f.GetProperty("path").GetString())
            .ShouldBe(conffiles, ignoreOrder: true);

        // Plain text: the script's line count as dpkg-deb --info counts it, and a [config] mark on each conffile only.
        var text = PkgifyCli.RunChecked("inspect", deb).StdOut.Split('\n');
        text[0].ShouldBe("deb tricky 1.2.3-1 all");
        var infoLine = ToolRunner.RunChecked("dpkg-deb", new[] { "--info", deb }).StdOut.Split('\n')
            .Single(l => l.Contains(" postinst ", StringComparison.Ordinal));
        var lines = infoLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]; // "20 bytes, 2 lines * postinst ..."
        text.ShouldContain($"script postinst: {lines} lines");
        text.Where(l => l.EndsWith(" [config]", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4])
            .ShouldBe(conffiles, ignoreOrder: true);
    }

    [Test]
    public void Verify_accepts_debians_hello_and_ours()
    {
        PkgifyCli.RunChecked("verify", DebianPackages.Download("hello")).StdOut.ShouldContain("OK");
        var tree = _tmp.Path("tree");
        TrickyTree.Create(tree);
        PkgifyCli.RunChecked("pack", tree, "--name", "tricky", "--version", "1", "-f", "deb", "-o", _tmp.Path("out"));
        PkgifyCli.RunChecked("verify", Directory.GetFiles(_tmp.Path("out"), "*.deb").Single());
    }

    [Test]
    public void Verify_names_the_first_file_whose_content_does_not_match_md5sums()
    {
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "a.txt"), "AAAAAAAAAAAAAAAA");
        File.WriteAllText(Path.Combine(tree, "b.txt"), "BBBBBBBBBBBBBBBB");
        PkgifyCli.RunChecked("pack", tree, "--name", "demo", "--version", "1", "-f", "deb", "--compression", "none", "-o", _tmp.Path("out"));
        var deb = Directory.GetFiles(_tmp.Path("out"), "*.deb").Single();

        // Change one byte of b.txt's content inside the uncompressed data.tar.
        PackageBytes.Replace(deb, "BBBBBBBBBBBBBBBB"u8, 3, (byte)'X');

        var r = PkgifyCli.Run("verify", deb);
        r.ExitCode.ShouldBe(1);
        r.StdErr.ShouldContain("/opt/demo/b.txt");
        r.StdErr.ShouldContain("does not match md5sums");
    }
}
