using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Writers.Rpm;

/// <summary>What the rpm writer derives from the model, read back with rpm's own queries.</summary>
public class RpmWriterModelTests
{
    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("rpm-model");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void Relations_become_rpm_dependencies_with_the_rpmlib_features_they_need()
    {
        var relations = RelationSet.Empty
            .With(RelationKind.Depends, new RelationGroup([new Relation("bash"), new Relation("zsh", RelationOperator.GreaterOrEqual, "5")]))
            .With(RelationKind.PreDepends, new RelationGroup(new Relation("coreutils")))
            .With(RelationKind.Recommends, new RelationGroup(new Relation("foo", RelationOperator.GreaterOrEqual, "1")))
            .With(RelationKind.Suggests, new RelationGroup(new Relation("bar")))
            .With(RelationKind.Conflicts, new RelationGroup(new Relation("baz", RelationOperator.Less, "2")))
            .With(RelationKind.Breaks, new RelationGroup(new Relation("qux", RelationOperator.LessOrEqual, "3")))
            .With(RelationKind.Obsoletes, new RelationGroup(new Relation("old-rich", RelationOperator.Less, "1.0")))
            .With(RelationKind.Provides, new RelationGroup(new Relation("rich-alias", RelationOperator.Equal, "3^git1")));
        var rpm = RpmModels.Write(RpmModels.Normalize("rich", "1.0rc1", [RpmModels.File("/opt/rich/f", "x\n")], relations), _tmp.Root);

        // The same relations written by rpmbuild from `Requires: (bash or zsh >= 5)`, `Requires(pre): coreutils`...
        // (checked by hand with rpmbuild 4.18): rich dependency flags 0, Requires(pre) 0x200, rpmlib flags 0x100000a.
        Query(rpm, "[%{REQUIRENAME}|%{REQUIREFLAGS:hex}|%{REQUIREVERSION}\\n]").ShouldBe(
            "(bash or zsh >= 5)|0|\n" +
            "coreutils|200|\n" +
            "rpmlib(CaretInVersions)|100000a|4.15.0-1\n" +
            "rpmlib(CompressedFileNames)|100000a|3.0.4-1\n" +
            "rpmlib(FileDigests)|100000a|4.6.0-1\n" +
            "rpmlib(PayloadFilesHavePrefix)|100000a|4.0-1\n" +
            "rpmlib(PayloadIsXz)|100000a|5.2-1\n" +
            "rpmlib(RichDependencies)|100000a|4.12.0-1\n" +
            "rpmlib(TildeInVersions)|100000a|4.10.0-1\n");
        Query(rpm, "[%{PROVIDENAME}|%{PROVIDEFLAGS:hex}|%{PROVIDEVERSION}\\n]").ShouldBe("rich|8|1.0~rc1-1\nrich-alias|8|3^git1\n");
        Query(rpm, "[%{RECOMMENDNAME}|%{RECOMMENDFLAGS:hex}|%{RECOMMENDVERSION}\\n]").ShouldBe("foo|c|1\n");
        Query(rpm, "[%{SUGGESTNAME}|%{SUGGESTFLAGS:hex}\\n]").ShouldBe("bar|0\n");
        // rpm has no Breaks; like Debian's Breaks, Conflicts keeps the two from being installed together.
        Query(rpm, "[%{CONFLICTNAME}|%{CONFLICTFLAGS:hex}|%{CONFLICTVERSION}\\n]").ShouldBe("baz|2|2\nqux|a|3\n");
        Query(rpm, "[%{OBSOLETENAME}|%{OBSOLETEFLAGS:hex}|%{OBSOLETEVERSION}\\n]").ShouldBe("old-rich|2|1.0\n");
    }

    [Test]
    public void Replaces_has_no_rpm_equivalent_and_is_refused()
    {
        var relations = RelationSet.Empty.With(RelationKind.Replaces, new RelationGroup(new Relation("old")));
        var model = RpmModels.Normalize("replacing", "1", [RpmModels.File("/opt/replacing/f", "x\n")], relations);

        Should.Throw<UsageException>(() => RpmModels.Write(model, _tmp.Root)).Message.ShouldContain("Obsoletes");
        Directory.GetFiles(_tmp.Root).ShouldBeEmpty();
    }

    [Test]
    public void Elf_files_get_rpms_file_colors()
    {
        var elf64 = File.ReadAllBytes("/bin/true");
        elf64[4].ShouldBe((byte)2, "the test host's /bin/true is a 64-bit ELF");
        var elf32 = (byte[])elf64.Clone();
        elf32[4] = 1;
        PackageFile Binary(string path, byte[] content) =>
            new(path, FileKind.Regular, 0x1ED, RpmModels.Epoch, content.Length, new GeneratedFileSource([.. content]));
        var model = RpmModels.Normalize("colors", "1",
            [Binary("/opt/colors/elf32", elf32), Binary("/opt/colors/elf64", elf64), RpmModels.File("/opt/colors/text", "\u007fELF\n")]);

        var rpm = RpmModels.Write(model, _tmp.Root);

        // FILECOLORS: 1 ELF32, 2 ELF64, 0 otherwise (`rpm -q --filecolor`). /opt/colors was only implied.
        Query(rpm, "[%{FILENAMES} %{FILECOLORS}\\n]").ShouldBe(
            "/opt/colors/elf32 1\n/opt/colors/elf64 2\n/opt/colors/text 0\n");
    }

    [Test]
    public void Files_for_the_deb_only_and_implicit_parents_are_not_in_the_rpm()
    {
        var model = RpmModels.Normalize("owned", "1",
        [
            RpmModels.File("/opt/owned/app", "x\n"),
            RpmModels.File("/usr/share/lintian/overrides/owned", "owned: dir-or-file-in-opt\n", flags: FileFlags.OnlyDeb),
            RpmModels.File("/etc/owned.conf", "a = 1\n", flags: FileFlags.Config | FileFlags.OnlyRpm),
        ]);

        var rpm = RpmModels.Write(model, _tmp.Root);

        // /opt and /etc were added by the normalizer as implicit parents: the filesystem package owns them.
        Query(rpm, "[%{FILENAMES} %{FILEFLAGS}\\n]").ShouldBe("/etc/owned.conf 1\n/opt/owned/app 0\n");
        ToolRunner.RunChecked("rpmkeys", ["-K", rpm]).StdOut.ShouldContain("digests OK");
    }

    [Test]
    public void The_changelog_is_stored_as_rpmbuild_stores_the_same_percent_changelog()
    {
        ChangelogEntry[] changelog =
        [
            new(RpmModels.Epoch, "Ops Team <ops@example.com>", new PackageVersion(1, "1.1", "2"), ["Second change.", "Another, 100% sure."]),
            new(1_690_000_000, "Dev <dev@example.com>", new PackageVersion(1, "1.0", "1"), ["First."]),
        ];
        var ours = RpmModels.Write(RpmModels.Normalize("cl", "1!1.1", [RpmModels.File("/opt/cl/f", "x\n")], release: "2", changelog: changelog), _tmp.Root);
        // The same changelog in a spec (1700000000 is Tue Nov 14 2023, 1690000000 Sat Jul 22 2023, both UTC).
        var theirs = RpmBuildFixtures.BuildBinaryRpm("""
            Name: cl
            Epoch: 1
            Version: 1.1
            Release: 2
            Summary: changelog test
            License: MIT
            BuildArch: noarch
            %description
            changelog test
            %files
            %changelog
            * Tue Nov 14 2023 Ops Team <ops@example.com> - 1:1.1-2
            - Second change.
            - Another, 100%% sure.

            * Sat Jul 22 2023 Dev <dev@example.com> - 1:1.0-1
            - First.
            """, Path.Combine(_tmp.Root, "rpmbuild"));

        const string entries = "[%{CHANGELOGTIME}|%{CHANGELOGNAME}|%{CHANGELOGTEXT}\\n]";
        Query(ours, entries).ShouldBe(Query(theirs, entries));
        Query(ours, entries).ShouldBe(
            "1699963200|Ops Team <ops@example.com> - 1:1.1-2|- Second change.\n- Another, 100% sure.\n" +
            "1690027200|Dev <dev@example.com> - 1:1.0-1|- First.\n");
        ToolRunner.RunChecked("rpm", ["-qp", "--changelog", ours]).StdOut.ShouldBe(ToolRunner.RunChecked("rpm", ["-qp", "--changelog", theirs]).StdOut);
    }

    [Test]
    public void Without_a_changelog_no_changelog_tags_are_written()
    {
        var rpm = RpmModels.Write(RpmModels.Normalize("nocl", "1", [RpmModels.File("/opt/nocl/f", "x\n")]), _tmp.Root);

        ToolRunner.RunChecked("rpm", ["-qp", "--changelog", rpm]).StdOut.ShouldBeEmpty();
        Query(rpm, "%{CHANGELOGTIME}|%{CHANGELOGNAME}|%{CHANGELOGTEXT}").ShouldBe("(none)|(none)|(none)");
    }

    private static string Query(string rpm, string format) =>
        ToolRunner.RunChecked("rpm", ["-qp", "--qf", format, rpm]).StdOut;
}
