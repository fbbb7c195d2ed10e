using NUnit.Framework;
using Pkgify.Core.Dependencies;
using Pkgify.Core.Dependencies.Debian;
using Pkgify.Core.Model;
using Pkgify.Formats.Elf;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>
/// Issue 5 acceptance on shared objects compiled here: pkgify's RPM requires for each file equal rpm's own
/// elfdeps output (GLIBC symbol versions included), its Debian relations name the packages dpkg-shlibdeps names
/// with constraints no looser, and the bundled library reached through $ORIGIN adds nothing to either.
/// </summary>
public class ElfDependencyAcceptanceTests
{
    private TempDir _dir = null!;
    private NativeFixtures _fixtures = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _dir = new TempDir("elf-acceptance");
        _fixtures = new NativeFixtures(_dir);
    }

    [OneTimeTearDown]
    public void Clean() => _dir.Dispose();

    [Test]
    public void Rpm_requires_of_each_file_equal_elfdeps_except_the_bundled_library()
    {
        var sawGlibcVersion = false;
        foreach (var file in _fixtures.Files)
        {
            // Each payload holds one file, and the bundled library along with its user: then the requires of both.
            var payload = PayloadWith(file);
            var ours = ElfRelations(Resolve(payload, PackageFamily.Rpm), PackageFamily.Rpm);
            var elfdeps = ElfDepsBatch.Run([.. payload.Select(p => p.HostPath)]);
            var expected = payload.SelectMany(p => elfdeps[p.HostPath].Requires)
                .Where(r => !r.StartsWith(NativeFixtures.BundledSoname + "(", StringComparison.Ordinal))
                .Distinct().Order(StringComparer.Ordinal).ToList();
            ours.ShouldBe(expected, $"requires of {file.InstallPath}");
            sawGlibcVersion |= ours.Any(r => r.StartsWith("libc.so.6(GLIBC_2.", StringComparison.Ordinal));
        }
        sawGlibcVersion.ShouldBeTrue("the fixtures must exercise GLIBC symbol versions");
        var bundledUser = _fixtures.Files.Single(f => f.InstallPath.EndsWith("/bundleduser.so", StringComparison.Ordinal)).HostPath;
        ElfDepsBatch.Run([bundledUser])[bundledUser].Requires.ShouldContain($"{NativeFixtures.BundledSoname}()(64bit)",
            "elfdeps sees the bundled library, which pkgify must drop");
    }

    [Test]
    public void Debian_relations_of_each_file_name_dpkg_shlibdeps_packages_with_no_looser_versions()
    {
        foreach (var file in _fixtures.Users)
        {
            var payload = PayloadWith(file);
            var theirs = ShlibDeps([.. payload.Select(p => p.HostPath)]);
            var ours = ElfRelations(Resolve(payload, PackageFamily.Deb), PackageFamily.Deb);
            AssertNoLooser(ours, theirs, file.InstallPath);
        }
    }

    [Test]
    public void Debian_relations_of_all_files_together_match_one_dpkg_shlibdeps_run()
    {
        var theirs = ShlibDeps([.. _fixtures.Files.Select(f => f.HostPath)]);
        var ours = ElfRelations(Resolve(_fixtures.Files, PackageFamily.Deb), PackageFamily.Deb);
        AssertNoLooser(ours, theirs, "all files");
        theirs.ShouldContain(r => r.StartsWith("libc6 (>= 2.", StringComparison.Ordinal));
        theirs.ShouldContain(r => r.StartsWith("zlib1g", StringComparison.Ordinal));
        theirs.ShouldContain(r => r.StartsWith("libpq5", StringComparison.Ordinal));
        theirs.ShouldContain(r => r.StartsWith("libxml2", StringComparison.Ordinal));
    }

    [Test]
    public void Debian_relations_match_dpkg_shlibdeps_on_a_sample_of_system_files()
    {
        // Programs and libraries linking many different packages: C++ run-times, libraries with shlibs files
        // only, GLIBC_PRIVATE users, multi-library programs.
        var compared = 0;
        foreach (var file in SystemElfFiles.LinkedSample(SystemSampleSize))
        {
            // dpkg-shlibdeps refuses libraries whose package has no shlibs or symbols file (private libraries such
            // as systemd's); pkgify depends on the owning package instead, so those files have no reference answer.
            if (ShlibDeps(file, allowMissingInfo: true) is not { } theirs)
                continue;
            var ours = ElfRelations(Resolve([(file, file)], PackageFamily.Deb), PackageFamily.Deb);
            AssertNoLooser(ours, theirs, file);
            compared++;
        }
        compared.ShouldBeGreaterThan(SystemSampleSize / 2);
    }

    // dpkg-shlibdeps takes about half a second a file.
    private const int SystemSampleSize = 30;

    [Test]
    public void Without_a_dpkg_database_the_table_names_the_packages_dpkg_shlibdeps_names()
    {
        // A RHEL or Fedora build host making a .deb has no dpkg database: every needed library goes through the
        // mapping table's sonames, which must name what dpkg-shlibdeps finds here (the table gives no versions).
        var noDpkg = new HostSystem(_dir.Path("no-dpkg", "admin"), _dir.Path("no-dpkg", "conf"), "/etc/ld.so.conf", PackageArchitecture.Host.Deb);
        var files = _fixtures.Users.Concat(RuntimeSample().Select(f => (f, f))).ToList();
        var needed = files.SelectMany(f => ElfReader.Read(f.Item1).Needed).ToHashSet(StringComparer.Ordinal);
        TableRuntimeSonames.Where(s => !needed.Contains(s)).ShouldBeEmpty("the sample must exercise the C and C++ run-times");
        // One file per distinct set of needed libraries: dpkg-shlibdeps takes about half a second a run.
        foreach (var file in files.DistinctBy(f => string.Join(' ', ElfReader.Read(f.Item1).Needed.Order(StringComparer.Ordinal))))
        {
            var payload = PayloadWith(file);
            var theirs = ShlibDeps([.. payload.Select(p => p.HostPath)]);
            var ours = ElfRelations(Resolve(payload, noDpkg, PackageFamily.Deb), PackageFamily.Deb);
            TestContext.Out.WriteLine($"{file.Item2}: ours [{string.Join(", ", ours)}] dpkg-shlibdeps [{string.Join(", ", theirs)}]");
            ours.Select(Name).Distinct().Order().ToList().ShouldBe(theirs.Select(Name).Distinct().Order().ToList(), $"packages for {file.Item2}");
        }
    }

    // Sonames glibc, GCC and zlib ship that the sample below must need.
    private static readonly string[] TableRuntimeSonames =
        ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libgcc_s.so.1", "libstdc++.so.6", "libz.so.1", "libcrypt.so.1"];

    /// <summary>
    /// The interpreter's own C extension modules (what a venv's native files look like) and the C++ and C
    /// run-times themselves (libstdc++ needs libgcc_s; libc needs the dynamic loader by its soname).
    /// </summary>
    private static IEnumerable<string> RuntimeSample() =>
        Directory.EnumerateFiles("/usr/lib/python3.11/lib-dynload", "*.so").Order(StringComparer.Ordinal)
            .Concat(new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libc.so.6" }
                // The payload holds regular files: a symbolic link to a library is no ELF file of its own.
                .Select(f => new FileInfo(f).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? f));

    [Test]
    public void The_bundled_library_is_satisfied_inside_and_its_own_needs_count()
    {
        var report = Resolve(_fixtures.Files, PackageFamily.Deb, PackageFamily.Rpm);
        report.Relations.ShouldNotContain(r => r.Relation.ToRpm().Contains("libbundled"));
        var zlib = report.For(PackageFamily.Deb).Single(r => r.Relation.Alternatives[0].Name == "zlib1g");
        zlib.Origin.Kind.ShouldBe(DependencyOrigin.Elf);
        zlib.Origin.Detail.ShouldContain("(libz.so.1)");
        report.Architecture.ShouldBe(PackageArchitecture.Host);
        report.ElfFiles.ShouldContain("/opt/app/x.libs/" + NativeFixtures.BundledSoname);
    }

    /// <summary>The file, plus the bundled library when the file is its user (so the payload carries it).</summary>
    private List<(string HostPath, string InstallPath)> PayloadWith((string HostPath, string InstallPath) file) =>
        file.InstallPath.EndsWith("/bundleduser.so", StringComparison.Ordinal)
            ? [file, _fixtures.Files.Single(f => f.HostPath == _fixtures.Bundled)]
            : [file];

    internal static DependencyReport Resolve(IReadOnlyList<(string, string)> payload, params PackageFamily[] families) =>
        Resolve(payload, HostSystem.Local, families);

    private static DependencyReport Resolve(IReadOnlyList<(string, string)> payload, HostSystem host, params PackageFamily[] families) =>
        DependencyResolver.Resolve(new DependencyInputs(payload, null, new Dictionary<string, MappingOverride>(), [], [], null) { Families = families, Host = host });

    private static List<string> ElfRelations(DependencyReport report, PackageFamily family) =>
        report.For(family).Where(r => r.Origin.Kind == DependencyOrigin.Elf)
            .Select(r => family == PackageFamily.Deb ? r.Relation.ToDeb() : r.Relation.ToRpm()).ToList();

    /// <summary>dpkg-shlibdeps -O on the files, run where debian/control is; its relations, one string each.</summary>
    private List<string> ShlibDeps(params string[] hostPaths) => ShlibDeps(hostPaths, allowMissingInfo: false)!;

    /// <summary>As above; null when <paramref name="allowMissingInfo"/> and the tool finds no dependency information.</summary>
    private List<string>? ShlibDeps(string[] hostPaths, bool allowMissingInfo)
    {
        string[] args = ["-O", .. hostPaths.Select(p => "-e" + Path.GetRelativePath(_fixtures.Root, p))];
        var result = ToolRunner.Run(ToolRunner.Require("dpkg-shlibdeps"), args, workingDir: _fixtures.Root);
        if (result.ExitCode != 0 && allowMissingInfo && result.StdErr.Contains("no dependency information found", StringComparison.Ordinal))
            return null;
        result.ExitCode.ShouldBe(0, $"dpkg-shlibdeps failed: {result.StdErr}");
        var line = result.StdOut.Split('\n').FirstOrDefault(l => l.StartsWith("shlibs:Depends=", StringComparison.Ordinal));
        return line is null ? [] : [.. line["shlibs:Depends=".Length..].Split(", ", StringSplitOptions.RemoveEmptyEntries)];
    }

    private List<string>? ShlibDeps(string hostPath, bool allowMissingInfo) => ShlibDeps([hostPath], allowMissingInfo);

    /// <summary>Same package names; for each of theirs, ours is identical or a higher minimum.</summary>
    private static void AssertNoLooser(List<string> ours, List<string> theirs, string what)
    {
        TestContext.Out.WriteLine($"{what}: ours [{string.Join(", ", ours)}] dpkg-shlibdeps [{string.Join(", ", theirs)}]");
        ours.Select(Name).Distinct().Order().ToList().ShouldBe(theirs.Select(Name).Distinct().Order().ToList(), $"packages for {what}");
        foreach (var relation in theirs)
        {
            var (name, op, version) = Split(relation);
            var candidates = ours.Select(Split).Where(o => o.Name == name).ToList();
            var ok = op == "" || candidates.Any(o => o == (name, op, version)
                                                     || (op == ">=" && o.Op == ">=" && DebianVersion.Compare(o.Version, version) >= 0));
            ok.ShouldBeTrue($"{what}: dpkg-shlibdeps says '{relation}', pkgify says [{string.Join(", ", ours)}]");
        }
    }

    private static string Name(string relation) => Split(relation).Name;

    private static (string Name, string Op, string Version) Split(string relation)
    {
        var open = relation.IndexOf('(');
        if (open < 0)
            return (relation.Trim(), "", "");
        var inner = relation[(open + 1)..relation.IndexOf(')')].Trim().Split(' ', 2);
        return (relation[..open].Trim(), inner[0], inner[1].Trim());
    }
}
