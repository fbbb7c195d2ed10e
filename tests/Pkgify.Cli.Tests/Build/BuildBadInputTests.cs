using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Build;

/// <summary>Issue 4: each mistake gives its exit code, one line naming file/line/key with a fix, and no package.</summary>
public class BuildBadInputTests
{
    private TinyProject _project = null!;
    private string _dir = null!;
    private const string GoodYaml = TinyProject.GoodYaml;

    [SetUp]
    public void SetUp()
    {
        _project = new TinyProject("badbuild");
        _dir = _project.Dir;
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private ToolResult Build() => PkgifyCli.Run(new[] { "build", _dir, "--source-date-epoch", "1700000000" },
        new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir });

    private void ShouldFailWith(int exitCode, params string[] expected)
    {
        var r = Build();
        r.ExitCode.ShouldBe(exitCode, r.StdOut + r.StdErr);
        var errorLines = r.StdErr.Split('\n').Where(l => l.StartsWith("pkgify: error:", StringComparison.Ordinal)).ToList();
        errorLines.Count.ShouldBe(1, r.StdErr);
        foreach (var e in expected)
            errorLines[0].ShouldContain(e);
        r.StdErr.ShouldNotContain("   at ");
        Directory.Exists(Path.Combine(_dir, "dist")).ShouldBeFalse("nothing is written");
    }

    [Test]
    public void An_unpinned_requirement_names_its_line()
    {
        File.WriteAllText(Path.Combine(_dir, "requirements.txt"), "# pinned below\nflask>=2\n");
        ShouldFailWith(2, "requirements.txt:2", "flask>=2", "==");
    }

    [Test]
    public void An_unknown_key_names_its_line_and_suggests_the_right_one()
    {
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), GoodYaml + "\nsevrer:\n  workers: 2\n");
        ShouldFailWith(2, "pkgify.yaml:9", "sevrer", "server");
    }

    [Test]
    public void Malformed_yaml_names_its_line()
    {
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), "name: tiny\nversion: [1.0\n");
        ShouldFailWith(2, "pkgify.yaml:");
    }

    [Test]
    public void An_interpreter_targets_would_not_have_is_refused_with_the_reason()
    {
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), GoodYaml.Replace("/usr/bin/python3.11", "/root/.pyenv/shims/python3"));
        ShouldFailWith(2, "python", "/usr/bin/python3");
    }

    [Test]
    public void An_unknown_external_dependency_names_its_line_and_the_mapping_to_add()
    {
        File.WriteAllText(Path.Combine(_dir, "external-dependencies.txt"), "libfrobnicate\n");
        ShouldFailWith(2, "external-dependencies.txt:1", "'libfrobnicate'", "mappings: { libfrobnicate: { deb: ");
    }

    [Test]
    public void A_malformed_external_dependency_line_is_quoted_with_its_line()
    {
        File.WriteAllText(Path.Combine(_dir, "external-dependencies.txt"), "libpq (>=9.0)\nlibxml2 >= 2\n");
        ShouldFailWith(2, "external-dependencies.txt:2", "'libxml2 >= 2'");
    }

    [Test]
    public void An_app_library_needing_a_library_found_nowhere_names_both()
    {
        // libghost.so.1 is linked against, then deleted: neither the payload nor the build host has it.
        using var elsewhere = new TempDir("ghost");
        var gcc = ToolRunner.Require("gcc");
        File.WriteAllText(elsewhere.Path("ghost.c"), "int ghost(void) { return 42; }\n");
        ToolRunner.RunChecked(gcc, ["-shared", "-fPIC", "-Wl,-soname,libghost.so.1", "-o", elsewhere.Path("libghost.so.1"), elsewhere.Path("ghost.c")]);
        File.WriteAllText(elsewhere.Path("user.c"), "int ghost(void);\nint user(void) { return ghost(); }\n");
        ToolRunner.RunChecked(gcc, ["-shared", "-fPIC", "-o", Path.Combine(_dir, "ghostuser.so"), elsewhere.Path("user.c"), $"-L{elsewhere.Root}", "-l:libghost.so.1"]);
        File.Delete(elsewhere.Path("libghost.so.1"));
        ShouldFailWith(1, "/opt/tiny/app/ghostuser.so", "libghost.so.1", "mappings: { libghost.so.1: { deb: ");
    }

    [Test]
    public void A_wsgi_callable_that_does_not_import_fails_the_build_with_the_import_error()
    {
        File.WriteAllText(Path.Combine(_dir, "tinyapp.py"), "import flask_not_installed\n");
        ShouldFailWith(1, "wsgi", "tinyapp:application", "ModuleNotFoundError", "flask_not_installed");
    }
}
