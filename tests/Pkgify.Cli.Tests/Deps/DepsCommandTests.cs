using System.Text.Json;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Deps;

/// <summary>
/// Issue 5: <c>pkgify deps</c> on the example with an external dependency and a declared one lists a row of
/// every origin for each family, its text and JSON forms say the same, and its relations are exactly those
/// the built packages declare (read back with dpkg-deb and rpm).
/// </summary>
[NonParallelizable]
public class DepsCommandTests
{
    private HelloWsgiProject _project = null!;
    private Dictionary<string, string> _env = null!;
    private JsonElement _json;
    private List<Row> _rows = null!;
    private string _deb = "", _rpm = "";

    private sealed record Row(string Family, string Kind, string Relation, string Origin, string Detail);

    [OneTimeSetUp]
    public void BuildOnce()
    {
        _project = new HelloWsgiProject(18_435);
        File.WriteAllText(Path.Combine(_project.Dir, "external-dependencies.txt"), "libpq (>=9.0)\n");
        File.AppendAllText(Path.Combine(_project.Dir, "pkgify.yaml"), "depends: { deb: [nginx], rpm: [nginx] }\n");
        _env = new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir, ["SOURCE_DATE_EPOCH"] = "1700000000" };
        _json = Deps("--json");
        _rows = _json.GetProperty("relations").EnumerateArray().Select(r => new Row(
            r.GetProperty("family").GetString()!, r.GetProperty("kind").GetString()!, r.GetProperty("relation").GetString()!,
            r.GetProperty("origin").GetString()!, r.GetProperty("detail").GetString()!)).ToList();
        var packages = _project.Build(Path.Combine(_project.Root, "out"), "--compression", "gzip", "--level", "1");
        _deb = packages.Single(p => p.EndsWith(".deb", StringComparison.Ordinal));
        _rpm = packages.Single(p => p.EndsWith(".rpm", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void Cleanup() => _project.Dispose();

    [Test]
    public void Every_origin_has_its_rows_with_where_it_came_from()
    {
        var external = Path.Combine(_project.Dir, "external-dependencies.txt");
        Only("deb", "interpreter").ShouldBe(new Row("deb", "depends", "python3.11", "interpreter", "/usr/bin/python3.11"));
        Only("rpm", "interpreter").ShouldBe(new Row("rpm", "depends", "/usr/bin/python3.11", "interpreter", "/usr/bin/python3.11"));
        Only("deb", "declared").ShouldBe(new Row("deb", "depends", "nginx", "declared", "pkgify.yaml depends.deb"));
        Only("rpm", "declared").ShouldBe(new Row("rpm", "depends", "nginx", "declared", "pkgify.yaml depends.rpm"));
        Only("deb", "mapped").ShouldBe(new Row("deb", "depends", "libpq5 (>= 9.0)", "mapped", $"{external}:1 'libpq' (mapping table entry 'libpq')"));
        Only("rpm", "mapped").ShouldBe(new Row("rpm", "depends", "libpq >= 9.0", "mapped", $"{external}:1 'libpq' (mapping table entry 'libpq')"));

        // The C extension links zlib: Debian names its package (with dpkg-shlibdeps' minimum), RPM the soname.
        var extension = ElfFiles().Single(f => Path.GetFileName(f).StartsWith("_native.", StringComparison.Ordinal));
        var zlib = _rows.Single(r => r is { Family: "deb", Origin: "elf" } && r.Relation.StartsWith("zlib1g (>= ", StringComparison.Ordinal));
        zlib.Detail.ShouldBe($"needed by {extension} (libz.so.1)");
        var soname = _rows.Single(r => r is { Family: "rpm", Origin: "elf" } && r.Relation == "libz.so.1()(64bit)");
        soname.Detail.ShouldBe($"needed by {extension}");
        _rows.ShouldContain(r => r.Family == "deb" && r.Origin == "elf" && r.Relation.StartsWith("libc6 (>= 2.", StringComparison.Ordinal));
    }

    [Test]
    public void The_text_form_lists_the_same_rows_in_the_same_order()
    {
        var r = PkgifyCli.Run(["deps", _project.Dir], _env, _project.Root);
        r.ExitCode.ShouldBe(0, r.StdErr);
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(_rows.Count, r.StdOut);
        for (var i = 0; i < lines.Length; i++)
        {
            var words = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (words[0], words[1]).ShouldBe((_rows[i].Family, _rows[i].Kind), lines[i]);
            lines[i].ShouldContain($" {_rows[i].Relation} ", Case.Sensitive, lines[i]);
            lines[i].ShouldEndWith($" {_rows[i].Origin}: {_rows[i].Detail}", Case.Sensitive, lines[i]);
        }
    }

    [Test]
    public void The_debian_rows_are_exactly_the_depends_field_of_the_built_deb()
    {
        var field = ToolRunner.RunChecked(ToolRunner.Require("dpkg-deb"), ["-f", _deb, "Depends"]).StdOut.Trim();
        Sorted(field.Split(", ")).ShouldBe(Sorted(Relations("deb")), field);
    }

    [Test]
    public void The_rpm_rows_are_exactly_the_requires_of_the_built_rpm_besides_format_config_and_scriptlet_ones()
    {
        // rpm's deptype tells the other requires apart: rpmlib() ones describe the package format, config() its
        // own %config files, and interp ones (/bin/sh) the scriptlets' interpreters; none is a dependency.
        var rpm = ToolRunner.Require("rpm");
        var types = ToolRunner.RunChecked(rpm, ["-qp", "--qf", "[%{REQUIREFLAGS:deptype}\n]", _rpm]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var requires = ToolRunner.RunChecked(rpm, ["-qp", "--requires", _rpm]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        requires.Length.ShouldBe(types.Length);
        types.ShouldContain("pre,interp", "the example has scriptlets: the filter must have something to leave out");
        var dependencies = requires.Where((_, i) => types[i] is not ("rpmlib" or "config") && !types[i].Split(',').Contains("interp"));
        Sorted(dependencies).ShouldBe(Sorted(Relations("rpm")));
    }

    [Test]
    public void The_architecture_and_elf_files_are_those_of_the_package()
    {
        _json.GetProperty("architecture").GetString().ShouldBe(
            ToolRunner.RunChecked("dpkg-deb", ["-f", _deb, "Architecture"]).StdOut.Trim());
        var contents = ToolRunner.RunChecked("dpkg-deb", ["-c", _deb]).StdOut;
        ElfFiles().ShouldNotBeEmpty();
        foreach (var file in ElfFiles())
            contents.ShouldContain("." + file + "\n");
    }

    private Row Only(string family, string origin) => _rows.Where(r => r.Family == family && r.Origin == origin).ShouldHaveSingleItem();

    private IEnumerable<string> Relations(string family) => _rows.Where(r => r.Family == family && r.Kind == "depends").Select(r => r.Relation);

    private List<string> ElfFiles() => _json.GetProperty("elf_files").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> Sorted(IEnumerable<string> items) => items.Order(StringComparer.Ordinal).ToList();

    private JsonElement Deps(params string[] extra)
    {
        var r = PkgifyCli.Run(["deps", _project.Dir, .. extra], _env, _project.Root);
        r.ExitCode.ShouldBe(0, r.StdErr);
        return JsonDocument.Parse(r.StdOut).RootElement.Clone();
    }
}
