using NUnit.Framework;
using Pkgify.Core.Model;
using Pkgify.Formats.Rpm;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Writers.Rpm;

/// <summary>
/// The same package made by rpmbuild (RpmBuildFixtures.SampleSpec) and by our writer from an equivalent model:
/// the tags, dependencies and file arrays rpmbuild 4.18 writes must all be in ours with the same values.
/// </summary>
public class RpmWriterVsRpmbuildTests
{
    private TempDir _tmp = null!;
    private RpmPackage _theirs = null!;
    private RpmPackage _ours = null!;
    private string _oursPath = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _tmp = new TempDir("rpm-vs-rpmbuild");
        var theirs = RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, _tmp.Path("rpmbuild"), RpmBuildFixtures.XzPayload);
        _oursPath = RpmModels.Write(SampleModel(), _tmp.Path("ours"));
        _theirs = Open(theirs);
        _ours = Open(_oursPath);
    }

    [OneTimeTearDown]
    public void CleanUp() => _tmp.Dispose();

    [Test]
    public void Every_tag_rpmbuild_writes_is_written()
    {
        var ours = _ours.Header.Entries.Select(e => e.Tag).ToList();
        var theirs = _theirs.Header.Entries.Select(e => e.Tag).ToList();
        // DEPENDSDICT holds rpmbuild's per-file automatic dependencies (a shebang's /bin/sh); pkgify generates none.
        theirs.Except(ours).ShouldBe([RpmTags.DependsDict]);
        // PACKAGER comes from the model's maintainer (the spec has no Packager:).
        ours.Except(theirs).ShouldBe([RpmTags.Packager]);
        _ours.Signature.Entries.Select(e => e.Tag).ShouldBe(_theirs.Signature.Entries.Select(e => e.Tag));
        _ours.Signature.GetBin(RpmTags.SigReservedSpace)!.Length.ShouldBe(_theirs.Signature.GetBin(RpmTags.SigReservedSpace)!.Length);
    }

    [TestCase(RpmTags.ProvideName, RpmTags.ProvideFlags, RpmTags.ProvideVersion)]
    [TestCase(RpmTags.RequireName, RpmTags.RequireFlags, RpmTags.RequireVersion)]
    public void Dependencies_are_rpmbuilds_without_its_automatic_file_dependencies(int name, int flags, int version)
    {
        Triplets(_ours, name, flags, version).ShouldBe(
            Triplets(_theirs, name, flags, version).Where(d => (d.Flags & RpmSenseFlags.FindRequires) == 0));
    }

    [TestCase(RpmTags.BaseNames)]
    [TestCase(RpmTags.DirNames)]
    [TestCase(RpmTags.DirIndexes)]
    [TestCase(RpmTags.FileModes)]
    [TestCase(RpmTags.FileSizes)]
    [TestCase(RpmTags.FileDigests)]
    [TestCase(RpmTags.FileLinkTos)]
    [TestCase(RpmTags.FileFlags)]
    [TestCase(RpmTags.FileUserName)]
    [TestCase(RpmTags.FileGroupName)]
    [TestCase(RpmTags.FileInodes)]
    [TestCase(RpmTags.FileDevices)]
    [TestCase(RpmTags.FileVerifyFlags)]
    [TestCase(RpmTags.FileColors)]
    [TestCase(RpmTags.FileDigestAlgo)]
    [TestCase(RpmTags.PreIn)]
    [TestCase(RpmTags.PreInProg)]
    [TestCase(RpmTags.PostIn)]
    [TestCase(RpmTags.PostInProg)]
    [TestCase(RpmTags.Epoch)]
    [TestCase(RpmTags.Os)]
    [TestCase(RpmTags.Arch)]
    [TestCase(RpmTags.Size)]
    [TestCase(RpmTags.SourceRpm)]
    [TestCase(RpmTags.PayloadFormat)]
    [TestCase(RpmTags.PayloadCompressor)]
    [TestCase(RpmTags.PayloadDigestAlgo)]
    [TestCase(RpmTags.Encoding)]
    [TestCase(RpmTags.HeaderI18NTable)]
    public void Tag_has_rpmbuilds_value(int tag)
    {
        var ours = _ours.Header.GetEntry(tag).ShouldNotBeNull();
        var theirs = _theirs.Header.GetEntry(tag)!;
        ours.Type.ShouldBe(theirs.Type);
        ours.Value.ShouldBe(theirs.Value);
    }

    [Test]
    public void Rpm_reads_our_package_like_rpmbuilds()
    {
        const string format = "%{NEVRA}\n[%{FILENAMES} %{FILEMODES:octal} %{FILESIZES} %{FILEFLAGS:fflags}\n]";
        Query(_oursPath, format).ShouldBe(Query(_tmp.Path("rpmbuild"), format));
        ToolRunner.RunChecked("rpmkeys", ["-K", _oursPath]).StdOut.ShouldContain("digests OK");
    }

    private static string Query(string rpmOrDir, string format)
    {
        var rpm = File.Exists(rpmOrDir) ? rpmOrDir : Directory.GetFiles(rpmOrDir, "*.rpm", SearchOption.AllDirectories).Single();
        return ToolRunner.RunChecked("rpm", ["-qp", "--qf", format, rpm]).StdOut;
    }

    /// <summary>The SampleSpec package as a model: same paths, modes, contents, flags, relations and scriptlets.</summary>
    private static PackageModel SampleModel()
    {
        var a = RpmModels.File("/opt/hello-lab/a.dat", "linked\n");
        PackageFile[] files =
        [
            RpmModels.Directory("/etc/hello-lab"),
            RpmModels.File("/etc/hello-lab/hello.conf", "greeting = hello\n", flags: FileFlags.Config | FileFlags.NoReplace),
            RpmModels.Directory("/opt/hello-lab"),
            a,
            a with { Path = "/opt/hello-lab/b.dat", Kind = FileKind.Hardlink, LinkTarget = "/opt/hello-lab/a.dat" },
            RpmModels.Directory("/opt/hello-lab/bin"),
            RpmModels.File("/opt/hello-lab/bin/hello", "#!/bin/sh\necho hello\n", mode: 0x1ED),
            new("/opt/hello-lab/run", FileKind.Symlink, 0x1FF, RpmModels.Epoch, LinkTarget: "bin/hello"),
            RpmModels.Directory("/usr/share/doc/hello-lab-1.2.3"),
            RpmModels.File("/usr/share/doc/hello-lab-1.2.3/README", "read me\n", flags: FileFlags.Doc),
        ];
        var relations = RelationSet.Empty
            .With(RelationKind.Depends, new RelationGroup(new Relation("bash")))
            .With(RelationKind.Provides, new RelationGroup(new Relation("hello-service", RelationOperator.Equal, "2.0")));
        var scripts = MaintainerScripts.Empty
            .With(ScriptPhase.PreInstall, new MaintainerScript("echo \"pre $1\""))
            .With(ScriptPhase.PostInstall, new MaintainerScript("echo \"post $1\""));
        return RpmModels.Normalize("hello-lab", "1!1.2.3", files, relations, scripts, release: "4");
    }

    private static RpmPackage Open(string path)
    {
        using var stream = File.OpenRead(path);
        return RpmPackageReader.Open(stream);
    }

    private static List<(string Name, long Flags, string Version)> Triplets(RpmPackage p, int name, int flags, int version)
    {
        var names = p.Header.GetStringArray(name);
        var f = p.Header.GetIntegers(flags);
        var v = p.Header.GetStringArray(version);
        return names.Select((n, i) => (n, f[i], v[i])).ToList();
    }
}
