using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 8 item 3 for the trees `pack` (and `build`'s app source) reads: symlinks stay links and are never
/// followed out of the tree; sockets, FIFOs and devices are refused with their path; a name that is not UTF-8 is
/// refused with its raw bytes shown; a world-writable file is refused. Every refusal: exit 2, one line, no package.
/// </summary>
public class TreeEdgeTests
{
    private TempDir _tmp = null!;
    private string _tree = null!;
    private string _out = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir("tree-edge");
        _tree = _tmp.Path("tree");
        Directory.CreateDirectory(Path.Combine(_tree, "bin"));
        File.WriteAllText(Path.Combine(_tree, "bin", "tool"), "#!/bin/sh\necho hi\n");
        _out = _tmp.Path("out");
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void A_name_that_is_not_utf8_is_refused_with_its_raw_bytes_shown()
    {
        var dir = Path.Combine(_tree, "data");
        Directory.CreateDirectory(dir);
        // .NET cannot create such a name; Python writes the bytes as given.
        ToolRunner.RunChecked("python3", ["-c", "import os, sys; open(os.path.join(os.fsencode(sys.argv[1]), b'caf\\xe9-\\xff.txt'), 'w').close()", dir]);

        try
        {
            var line = Refused();
            line.ShouldContain($"{dir}/caf\\xe9-\\xff.txt");
            line.ShouldContain("not valid UTF-8");
        }
        finally
        {
            // Nor can .NET delete it (TempDir's recursive delete would fail).
            ToolRunner.RunChecked("rm", ["-rf", dir]);
        }
    }

    [TestCase("fifo", "is a FIFO")]
    [TestCase("socket", "is a socket")]
    [TestCase("char", "is a character device")]
    [TestCase("block", "is a block device")]
    public void Special_files_are_refused_with_their_path(string kind, string expected)
    {
        var path = Path.Combine(_tree, "bin", "special");
        switch (kind)
        {
            case "fifo":
                ToolRunner.RunChecked("mkfifo", [path]);
                break;
            case "socket":
                ToolRunner.RunChecked("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path]);
                break;
            case "char":
                ToolRunner.RunChecked("mknod", [path, "c", "1", "3"]); // like /dev/null
                break;
            default:
                ToolRunner.RunChecked("mknod", [path, "b", "7", "0"]); // like /dev/loop0
                break;
        }

        var line = Refused();
        line.ShouldContain($"file '{path}': {expected}");
    }

    [Test]
    public void A_world_writable_file_is_refused()
    {
        ToolRunner.RunChecked("chmod", ["0777", Path.Combine(_tree, "bin", "tool")]);
        Refused().ShouldContain("/bin/tool: mode 0777 is world-writable");
    }

    [Test]
    public void Symlinks_are_packaged_as_links_and_never_followed_out_of_the_tree()
    {
        var links = Path.Combine(_tree, "links");
        Directory.CreateDirectory(links);
        var targets = new Dictionary<string, string>
        {
            ["up"] = "../../../../../../etc/passwd",
            ["absolute"] = "/etc/shadow",
            ["etc-dir"] = "/etc",
            ["loop"] = "loop",
            ["dangling"] = "no/such/file",
        };
        foreach (var (name, target) in targets)
            File.CreateSymbolicLink(Path.Combine(links, name), target);
        // A shared directory may be world-writable with the sticky bit, like /tmp.
        var spool = Path.Combine(_tree, "spool");
        Directory.CreateDirectory(spool);
        ToolRunner.RunChecked("chmod", ["1777", spool]);

        PkgifyCli.RunChecked("pack", _tree, "--name", "links", "--version", "1", "-o", _out);

        var deb = Directory.GetFiles(_out, "*.deb").Single();
        var listing = ToolRunner.RunChecked("dpkg-deb", ["-c", deb]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(DpkgListing.Parse).ToList();
        foreach (var (name, target) in targets)
        {
            var entry = listing.Single(e => e.Path == $"/opt/links/links/{name}");
            entry.Type.ShouldBe("symlink", name);
            entry.Target.ShouldBe(target, name);
        }
        listing.ShouldNotContain(e => e.Path.StartsWith("/opt/links/links/etc-dir/"), "a directory symlink is not descended into");
        listing.Single(e => e.Path == "/opt/links/spool").Mode.ShouldBe("01777");
        var rpm = Directory.GetFiles(_out, "*.rpm").Single();
        var dump = ToolRunner.RunChecked("rpm", ["-qp", "--dump", rpm]).StdOut;
        foreach (var (name, target) in targets)
            dump.ShouldContain($"/opt/links/links/{name} {target.Length} ");
        // Nothing of what the links point at was read: the payloads hold the one small file and link targets.
        new FileInfo(deb).Length.ShouldBeLessThan(4096);
    }

    /// <summary>Runs pack (both formats), expects exit 2 with one error line and no output; returns the line.</summary>
    private string Refused()
    {
        var r = PkgifyCli.Run("pack", _tree, "--name", "demo", "--version", "1.0", "-o", _out);
        r.ExitCode.ShouldBe(2, r.StdErr);
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, r.StdErr);
        lines[0].ShouldStartWith("pkgify: error: ");
        (Directory.Exists(_out) ? Directory.GetFileSystemEntries(_out) : []).ShouldBeEmpty();
        return lines[0];
    }
}
