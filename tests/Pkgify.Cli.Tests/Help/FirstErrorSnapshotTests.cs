using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Help;

/// <summary>
/// Issue 9: the exact first error (exit status and stderr) of the five most common mistakes, as approved
/// text. Each is caught in the quick checks before any virtualenv is built, and writes nothing.
/// </summary>
public class FirstErrorSnapshotTests
{
    private TinyProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TinyProject("first-error", directoryName: "tiny");

    [TearDown]
    public void TearDown() => _project.Dispose();

    /// <summary>Runs `pkgify build tiny` from the project's parent, so messages show short relative paths.</summary>
    private string FirstError(params string[] extra)
    {
        var root = _project.Tmp.Root;
        var r = PkgifyCli.Run(new[] { "build", "tiny" }.Concat(extra), new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir }, root);
        r.StdOut.ShouldBeEmpty();
        r.StdErr.ShouldNotContain("   at ");
        Directory.Exists(Path.Combine(_project.Dir, "dist")).ShouldBeFalse("nothing is written");
        Directory.Exists(_project.CacheDir).ShouldBeFalse("no virtualenv was started");
        return $"exit {r.ExitCode}\n{r.StdErr.Replace(root, "<TMP>")}";
    }

    [Test]
    public void No_pkgify_yaml_in_a_directory_without_the_standard_layout()
    {
        _project.Delete("pkgify.yaml");
        _project.Delete("requirements.txt");
        ApprovedText.Verify("error-no-pkgify-yaml", FirstError());
    }

    [Test]
    public void Unpinned_requirement()
    {
        _project.Write("requirements.txt", "# web framework\nflask>=2\n");
        ApprovedText.Verify("error-unpinned-requirement", FirstError());
    }

    [Test]
    public void Missing_interpreter()
    {
        _project.Write("pkgify.yaml", TinyProject.GoodYaml.Replace("/usr/bin/python3.11", "/usr/bin/python3.99"));
        ApprovedText.Verify("error-missing-interpreter", FirstError());
    }

    [Test]
    public void Bad_name()
    {
        _project.Write("pkgify.yaml", TinyProject.GoodYaml.Replace("name: tiny", "name: My_Tiny"));
        ApprovedText.Verify("error-bad-name", FirstError());
    }

    [Test]
    public void No_write_access_to_the_output_directory()
    {
        // As root, permissions do not stop writes: a read-only mount does.
        var readOnly = _project.Tmp.Path("readonly");
        Directory.CreateDirectory(readOnly);
        ToolRunner.RunChecked("mount", new[] { "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", readOnly });
        try
        {
            ApprovedText.Verify("error-output-not-writable", FirstError("-o", "readonly/dist"));
        }
        finally
        {
            ToolRunner.Run("umount", new[] { readOnly });
        }
    }

    [Test]
    public void An_output_path_under_a_file_fails_the_same_way()
    {
        File.WriteAllText(_project.Tmp.Path("afile"), "");
        var error = FirstError("-o", "afile/dist");
        error.ShouldStartWith("exit 2\npkgify: error: output directory 'afile/dist' is not writable (");
        error.ShouldEndWith("): choose a writable directory with -o\n");
    }
}
