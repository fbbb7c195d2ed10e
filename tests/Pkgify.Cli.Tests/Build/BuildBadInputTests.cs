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
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, Unrelated), "kept\n");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    /// <summary>A file the output directory held before the build: a failed build must leave it, and add nothing.</summary>
    private const string Unrelated = "unrelated.txt";

    private string Output => Path.Combine(_dir, "dist");

    private ToolResult Build() => PkgifyCli.Run(new[] { "build", _dir, "--source-date-epoch", "1700000000" },
        new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir });

    /// <returns>The one error line.</returns>
    private string ShouldFailWith(int exitCode, params string[] expected)
    {
        var r = Build();
        r.ExitCode.ShouldBe(exitCode, r.StdOut + r.StdErr);
        var errorLines = r.StdErr.Split('\n').Where(l => l.StartsWith("pkgify: error:", StringComparison.Ordinal)).ToList();
        errorLines.Count.ShouldBe(1, r.StdErr);
        foreach (var e in expected)
            errorLines[0].ShouldContain(e);
        r.StdErr.ShouldNotContain("   at ");
        // Nothing written: no package and no temp file in the output directory, nor anywhere in the project.
        Directory.EnumerateFileSystemEntries(Output).Select(Path.GetFileName).ShouldBe([Unrelated], "nothing is written");
        Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".deb", StringComparison.Ordinal) || f.EndsWith(".rpm", StringComparison.Ordinal) || f.Contains(".pkgify-tmp", StringComparison.Ordinal))
            .ShouldBeEmpty();
        return errorLines[0];
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
        ShouldFailWith(2, "pkgify.yaml:2:", "not valid YAML", "close the '['");
    }

    [Test]
    public void An_unclosed_bracket_followed_by_more_keys_names_its_line_without_a_crash()
    {
        // YamlDotNet's scanner throws InvalidOperationException here instead of a YamlException.
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), "name: tiny\nversion: [1.0\npython: /usr/bin/python3.11\n");
        ShouldFailWith(2, "pkgify.yaml:2:", "not valid YAML", "not closed", "close it");
    }

    [Test]
    public void Yaml_that_breaks_a_line_in_the_middle_names_that_line()
    {
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), "name: tiny\nversion: 1.0: x\npython: /usr/bin/python3.11\n");
        ShouldFailWith(2, "pkgify.yaml:2:13:", "not valid YAML", "check indentation, quoting");
    }

    [Test]
    public void An_interpreter_targets_would_not_have_is_refused_with_the_reason()
    {
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), GoodYaml.Replace("/usr/bin/python3.11", "/root/.pyenv/shims/python3"));
        // Line 3 is the python: line; the reason (a pyenv shim, per user) and the fix (a system path targets have).
        ShouldFailWith(2, "pkgify.yaml:3:9: python:", "pyenv", "target hosts do not have", "use the system interpreter", "/usr/bin/python3.11");
    }

    [Test]
    public void A_failed_pip_install_shows_pips_error_and_names_a_log_that_exists()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "wheels"));
        File.WriteAllText(Path.Combine(_dir, "pkgify.yaml"), GoodYaml + "\nwheelhouse: wheels\n");
        File.WriteAllText(Path.Combine(_dir, "requirements.txt"), "nope==1.0\n");

        var error = ShouldFailWith(1, "pip install failed", "ERROR: No matching distribution found for nope==1.0", "full log: ");

        var logPath = error[(error.IndexOf("full log: ", StringComparison.Ordinal) + "full log: ".Length)..].Trim();
        logPath.ShouldBe(Path.Combine(_project.CacheDir, "logs", "tiny-pip.log"));
        var log = File.ReadAllText(logPath);
        log.ShouldContain("-m pip install");
        log.ShouldContain("ERROR: No matching distribution found for nope==1.0");
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(logPath)!).ShouldBe([logPath], "no temp log is left");
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
