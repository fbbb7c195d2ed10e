using NUnit.Framework;
using Pkgify.Core.Dependencies;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Formats.Elf;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>Origins, mappings, declared and interpreter relations, architecture, and the errors users meet.</summary>
public class DependencyResolverTests
{
    private static readonly Dictionary<string, MappingOverride> NoMappings = new();

    [Test]
    public void Each_relation_says_where_it_came_from()
    {
        using var dir = new TempDir("deps");
        var external = WriteExternal(dir, "# needs\nlibpq (>=9.0)\nlibxml2-dev\nwinlib; sys_platform == 'win32'\nmylib\nnewpy; python_version >= '3.10'\n");
        var mappings = new Dictionary<string, MappingOverride>
        {
            ["MyLib"] = new("mylib1 (>= 2)", null),
            ["newpy"] = new("newpy-data", "newpy-data"),
        };
        var report = DependencyResolver.Resolve(new DependencyInputs([], external, mappings, ["nginx (>= 1.18)"], ["nginx"], "/usr/bin/python3.11"));

        Lines(report, PackageFamily.Deb).ShouldBe([
            "interpreter python3.11 [/usr/bin/python3.11]",
            "declared nginx (>= 1.18) [pkgify.yaml depends.deb]",
            $"mapped libpq5 (>= 9.0) [{external}:2 'libpq' (mapping table entry 'libpq')]",
            $"mapped libxml2 [{external}:3 'libxml2-dev' (mapping table entry 'libxml2')]",
            $"mapped mylib1 (>= 2) [{external}:5 'mylib' (pkgify.yaml mappings)]",
            $"mapped newpy-data [{external}:6 'newpy' (pkgify.yaml mappings)]",
        ]);
        Lines(report, PackageFamily.Rpm).ShouldBe([
            "interpreter /usr/bin/python3.11 [/usr/bin/python3.11]",
            "declared nginx [pkgify.yaml depends.rpm]",
            $"mapped libpq >= 9.0 [{external}:2 'libpq' (mapping table entry 'libpq')]",
            $"mapped libxml2 [{external}:3 'libxml2-dev' (mapping table entry 'libxml2')]",
            $"mapped newpy-data [{external}:6 'newpy' (pkgify.yaml mappings)]",
        ]);
        report.Architecture.ShouldBe(PackageArchitecture.Independent);
        report.ElfFiles.ShouldBeEmpty();
    }

    [Test]
    public void A_project_mapping_overrides_the_table_and_bounds_apply_to_every_alternative()
    {
        using var dir = new TempDir("deps");
        var external = WriteExternal(dir, "libpq (>=9.0, <20)\n");
        var mappings = new Dictionary<string, MappingOverride> { ["libpq"] = new("libpq5 | libpq-alt", "postgresql-libs") };
        var report = DependencyResolver.Resolve(new DependencyInputs([], external, mappings, [], [], null));
        report.For(PackageFamily.Deb).Select(r => r.Relation.ToDeb()).ShouldBe(["libpq5 (>= 9.0) | libpq-alt (>= 9.0)", "libpq5 (<< 20) | libpq-alt (<< 20)"]);
        report.For(PackageFamily.Rpm).Select(r => r.Relation.ToRpm()).ShouldBe(["postgresql-libs >= 9.0", "postgresql-libs < 20"]);
    }

    [Test]
    public void A_payload_without_elf_files_is_architecture_independent()
    {
        using var dir = new TempDir("deps");
        File.WriteAllText(dir.Path("app.py"), "print('hi')\n");
        // A venv's bin/python is a symbolic link to the interpreter, an ELF file the package does not carry.
        File.CreateSymbolicLink(dir.Path("python"), "/usr/bin/python3.11");
        ElfReader.IsElf("/usr/bin/python3.11").ShouldBeTrue("the link must point at a real ELF file");
        var report = DependencyResolver.Resolve(new DependencyInputs(
            [(dir.Path("app.py"), "/opt/app/app/app.py"), (dir.Path("python"), "/opt/app/venv/bin/python")], null, NoMappings, [], [], "/usr/bin/python3.11"));
        report.Architecture.ShouldBe(PackageArchitecture.Independent);
        report.ElfFiles.ShouldBeEmpty();
        report.Relations.ShouldNotContain(r => r.Origin.Kind == DependencyOrigin.Elf);
    }

    [Test]
    public void The_report_feeds_the_model_without_duplicates()
    {
        var report = DependencyResolver.Resolve(new DependencyInputs([], null, NoMappings, ["python3.11", "curl"], [], "/usr/bin/python3.11"));
        report.AddTo(RelationSet.Empty, PackageFamily.Deb).Get(RelationKind.Depends).Select(g => g.ToDeb()).ShouldBe(["python3.11", "curl"]);
    }

    [Test]
    public void An_unknown_external_name_is_a_usage_error_with_its_line_and_the_mapping_to_add()
    {
        using var dir = new TempDir("deps");
        var external = WriteExternal(dir, "libpq\n\nlibfrobnicate (>=2)\n");
        var e = Should.Throw<UsageException>(() => DependencyResolver.Resolve(new DependencyInputs([], external, NoMappings, [], [], null)));
        e.ExitCode.ShouldBe(2);
        e.Message.ShouldStartWith($"{external}:3: ");
        e.Message.ShouldContain("mappings: { libfrobnicate: { deb: ");
        e.Message.ShouldNotContain("\n");
    }

    [Test]
    public void A_malformed_line_is_a_usage_error_with_its_line()
    {
        using var dir = new TempDir("deps");
        var external = WriteExternal(dir, "libpq\nlibxml2 >= 2\n");
        var e = Should.Throw<UsageException>(() => DependencyResolver.Resolve(new DependencyInputs([], external, NoMappings, [], [], null)));
        e.ExitCode.ShouldBe(2);
        e.Message.ShouldStartWith($"{external}:2: ");
    }

    [Test]
    public void A_bad_declared_relation_is_a_usage_error_naming_the_key() =>
        Should.Throw<UsageException>(() => DependencyResolver.Resolve(new DependencyInputs([], null, NoMappings, ["nginx (>= )"], [], null)))
            .Message.ShouldContain("depends.deb[0]");

    [Test]
    public void A_library_found_nowhere_is_a_build_error_naming_the_elf_file_unless_mapped()
    {
        using var dir = new TempDir("deps");
        var payload = GhostUser(dir);
        var e = Should.Throw<BuildException>(() => DependencyResolver.Resolve(new DependencyInputs(payload, null, NoMappings, [], [], null)));
        e.ExitCode.ShouldBe(1);
        e.Message.ShouldStartWith("/opt/app/lib/ghostuser.so: needs library libghost.so.1");
        e.Message.ShouldContain("mappings: { libghost.so.1: { deb: PACKAGE } }");

        // RPM needs no package name: the soname is the relation.
        var rpm = DependencyResolver.Resolve(new DependencyInputs(payload, null, NoMappings, [], [], null) { Families = [PackageFamily.Rpm] });
        rpm.For(PackageFamily.Rpm).Select(r => r.Relation.ToRpm()).ShouldContain("libghost.so.1()(64bit)");

        var mapped = DependencyResolver.Resolve(new DependencyInputs(payload, null,
            new Dictionary<string, MappingOverride> { ["libghost.so.1"] = new("libghost1", null) }, [], [], null));
        var ghost = mapped.For(PackageFamily.Deb).Single(r => r.Relation.ToDeb() == "libghost1");
        ghost.Origin.ShouldBe(new DependencyOrigin(DependencyOrigin.Elf, "needed by /opt/app/lib/ghostuser.so (libghost.so.1)"));
        mapped.Architecture.ShouldBe(PackageArchitecture.Host);
    }

    [Test]
    public void A_library_known_by_its_soname_only_gets_the_package_shipping_that_soname()
    {
        // Without a dpkg database the table decides: its libtiff entry offers Ubuntu 22.04's libtiff5, which ships
        // libtiff.so.5 and so cannot satisfy a file linked against libtiff.so.6.
        using var dir = new TempDir("deps");
        var payload = UserOf(dir, "libtiff.so.6", soname: true, []);
        var noDpkg = new HostSystem(dir.Path("no-dpkg"), dir.Path("no-dpkg-conf"), "/etc/ld.so.conf", PackageArchitecture.Host.Deb);
        var report = DependencyResolver.Resolve(new DependencyInputs(payload, null, NoMappings, [], [], null) { Host = noDpkg });
        report.For(PackageFamily.Deb).Where(r => r.Relation.ToDeb().Contains("tiff")).Select(r => r.Relation.ToDeb()).ShouldBe(["libtiff6"]);
    }

    [Test]
    public void A_damaged_elf_file_in_the_payload_is_a_build_error_naming_it()
    {
        using var dir = new TempDir("deps");
        var bytes = File.ReadAllBytes("/usr/bin/true");
        var damaged = dir.Path("broken.so");
        File.WriteAllBytes(damaged, bytes.AsSpan(0, 200).ToArray());
        var e = Should.Throw<BuildException>(() => DependencyResolver.Resolve(new DependencyInputs([(damaged, "/opt/app/broken.so")], null, NoMappings, [], [], null)));
        e.Message.ShouldStartWith("/opt/app/broken.so: cannot read this ELF file");
    }

    [Test]
    public void A_library_the_payload_ships_under_its_soname_adds_nothing()
    {
        using var dir = new TempDir("deps");
        var payload = GhostUser(dir);
        // The ghost library travels in the payload (anywhere: its DT_SONAME is enough).
        payload.Add((dir.Path("libghost.so.1"), "/opt/app/vendor/libghost.so.1"));
        var report = DependencyResolver.Resolve(new DependencyInputs(payload, null, NoMappings, [], [], null));
        report.Relations.ShouldNotContain(r => r.Relation.ToDeb().Contains("ghost") || r.Relation.ToRpm().Contains("ghost"));
    }

    private const string OriginRpath = "-Wl,-rpath,$ORIGIN/../x.libs";

    [TestCase(OriginRpath, "/opt/app/x.libs/libghost.so.1", true, TestName = "Reached through $ORIGIN in RPATH")]
    [TestCase(OriginRpath, "/usr/lib/x86_64-linux-gnu/libghost.so.1", true, TestName = "In a standard library directory")]
    [TestCase(OriginRpath, "/opt/app/elsewhere/libghost.so.1", false, TestName = "Somewhere the linker does not look")]
    [TestCase("-Wl,--disable-new-dtags,-rpath,/opt/app/abs.libs", "/opt/app/abs.libs/libghost.so.1", true, TestName = "Reached through an absolute RPATH into the package")]
    [TestCase("-Wl,--enable-new-dtags,-rpath,/opt/app/abs.libs", "/opt/app/abs.libs/libghost.so.1", true, TestName = "Reached through an absolute RUNPATH into the package")]
    [TestCase("-Wl,-rpath,/opt/app/abs.libs", "/opt/app/x.libs/libghost.so.1", false, TestName = "Beside an absolute RPATH that points elsewhere")]
    public void A_library_without_soname_counts_where_the_linker_finds_it(string rpath, string installPath, bool carried)
    {
        using var dir = new TempDir("deps");
        var payload = GhostUser(dir, soname: false, rpath);
        payload.Add((dir.Path("libghost.so.1"), installPath));
        var inputs = new DependencyInputs(payload, null, NoMappings, [], [], null);
        if (carried)
            DependencyResolver.Resolve(inputs).Relations.ShouldNotContain(r => r.Relation.ToRpm().Contains("ghost"));
        else
            Should.Throw<BuildException>(() => DependencyResolver.Resolve(inputs)).Message.ShouldContain("libghost.so.1");
    }

    /// <summary>A module needing libghost.so.1, which exists only in the temp dir, not on the library path.</summary>
    private static List<(string, string)> GhostUser(TempDir dir, bool soname = true, params string[] userFlags) =>
        UserOf(dir, "libghost.so.1", soname, userFlags);

    /// <summary>A module needing <paramref name="library"/>, a stand-in compiled into the temp dir only.</summary>
    private static List<(string, string)> UserOf(TempDir dir, string library, bool soname, string[] userFlags)
    {
        var gcc = ToolRunner.Require("gcc");
        File.WriteAllText(dir.Path("ghost.c"), "int ghost(void) { return 42; }\n");
        string[] sonameFlag = soname ? [$"-Wl,-soname,{library}"] : [];
        ToolRunner.RunChecked(gcc, ["-shared", "-fPIC", .. sonameFlag, "-o", dir.Path(library), dir.Path("ghost.c")]);
        File.WriteAllText(dir.Path("user.c"), "int ghost(void);\nint user(void) { return ghost(); }\n");
        ToolRunner.RunChecked(gcc, ["-shared", "-fPIC", "-o", dir.Path("ghostuser.so"), dir.Path("user.c"), $"-L{dir.Root}", $"-l:{library}", .. userFlags]);
        return [(dir.Path("ghostuser.so"), "/opt/app/lib/ghostuser.so")];
    }

    private static string WriteExternal(TempDir dir, string text)
    {
        var path = dir.Path("external-dependencies.txt");
        File.WriteAllText(path, text);
        return path;
    }

    private static List<string> Lines(DependencyReport report, PackageFamily family) =>
        report.For(family).Select(r => $"{r.Origin.Kind} {(family == PackageFamily.Deb ? r.Relation.ToDeb() : r.Relation.ToRpm())} [{r.Origin.Detail}]").ToList();
}
