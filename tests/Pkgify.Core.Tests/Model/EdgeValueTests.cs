using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Shouldly;

namespace Pkgify.Core.Tests.Model;

/// <summary>
/// Issue 8 item 3 at the single normalization point: names, versions, paths, owners, modes and one-line fields
/// are refused (exit 2, one line, value escaped) when they could corrupt a control file, an rpm header or a script.
/// </summary>
public class EdgeValueTests
{
    private static PackageDraft Draft(string name = "demo", string version = "1.0", string release = "1", PackageMetadata? metadata = null, params PackageFile[] files)
    {
        var d = new PackageDraft
        {
            Name = name,
            Version = version,
            Release = release,
            Metadata = metadata ?? new PackageMetadata("Demo", "", "Ops <ops@example.com>"),
            SourceDateEpoch = 1_700_000_000,
        };
        d.Files.AddRange(files);
        return d;
    }

    private static PackageFile File(string path, int mode = 0x1A4, string owner = "root", string group = "root", FileKind kind = FileKind.Regular) =>
        new(path, kind, mode, 1, kind == FileKind.Regular ? 3 : 0, kind == FileKind.Regular ? GeneratedFileSource.FromText("abc") : null,
            LinkTarget: kind == FileKind.Symlink ? "target" : "", Owner: owner, Group: group);

    private static string Refusal(PackageDraft draft)
    {
        var e = Should.Throw<UsageException>(() => PackageNormalizer.Normalize(draft));
        e.Message.ShouldNotContain("\n");
        return e.Message;
    }

    // .NET's $ matches before a final newline: every rule must refuse a value that merely ends in one.
    [TestCase("demo\n", "1.0", "1", "invalid package name 'demo\\n'")]
    [TestCase("demo", "1.0\n", "1", "contains whitespace")]
    [TestCase("demo", "1.0", "1\n", "release '1\\n'")]
    [TestCase("demo", "1.0", "1\nDepends: evil", "release '1\\nDepends: evil'")]
    [TestCase("demo", "1.0~rc1\n", "1", "contains whitespace")]
    [TestCase("../etc", "1.0", "1", "invalid package name '../etc'")]
    public void Names_versions_and_releases_with_line_breaks_are_refused(string name, string version, string release, string expected)
    {
        Refusal(Draft(name, version, release)).ShouldContain(expected);
    }

    [TestCase("/opt/demo/a\nb", "contains a NUL or line break")]
    [TestCase("/opt/demo/a\0b", "contains a NUL or line break")]
    [TestCase("/opt/demo/../../etc/shadow", "'.' and '..' are not allowed")]
    [TestCase("opt/demo/x", "must be absolute")]
    [TestCase("/opt/demo/\uFFFD", "not valid UTF-8")]
    public void Paths_that_could_escape_or_break_a_listing_are_refused(string path, string expected)
    {
        Refusal(Draft(files: File(path))).ShouldContain(expected);
    }

    [TestCase("root\n", "root")]
    [TestCase("root", "adm\nx")]
    [TestCase("Root", "root")]
    [TestCase("root", "$(id)")]
    [TestCase("a-very-long-account-name-beyond-32", "root")]
    public void Owners_and_groups_must_be_account_names(string owner, string group)
    {
        Refusal(Draft(files: File("/opt/demo/x", owner: owner, group: group))).ShouldContain("is not a valid account name");
    }

    [TestCase(0x1B6, FileKind.Regular)]   // 0666
    [TestCase(0x1FF, FileKind.Regular)]   // 0777
    [TestCase(0x1FF, FileKind.Directory)] // 0777 without the sticky bit
    [TestCase(0x1B6, FileKind.Hardlink)]
    public void World_writable_files_and_directories_are_refused(int mode, FileKind kind)
    {
        var files = kind == FileKind.Hardlink
            ? new[] { File("/opt/demo/a"), new PackageFile("/opt/demo/b", FileKind.Hardlink, mode, 1, LinkTarget: "/opt/demo/a") }
            : new[] { File("/opt/demo/x", mode, kind: kind) };
        Refusal(Draft(files: files)).ShouldContain("is world-writable");
    }

    [Test]
    public void Symlinks_and_sticky_shared_directories_may_be_world_writable()
    {
        var model = PackageNormalizer.Normalize(Draft(files: [File("/opt/demo/link", 0x1FF, kind: FileKind.Symlink), File("/var/lib/demo/spool", 0x3FF, kind: FileKind.Directory)]));
        model.Files.Single(f => f.Path == "/var/lib/demo/spool").Mode.ShouldBe(0x3FF);
    }

    [TestCase("maintainer")]
    [TestCase("license")]
    [TestCase("homepage")]
    [TestCase("vendor")]
    public void One_line_fields_are_refused_with_a_line_break(string field)
    {
        const string evil = "x\nDepends: evil";
        var m = new PackageMetadata("Demo", "", "Ops <ops@example.com>");
        m = field switch
        {
            "maintainer" => m with { Maintainer = evil },
            "license" => m with { License = evil },
            "homepage" => m with { Homepage = evil },
            _ => m with { Vendor = evil },
        };
        Refusal(Draft(metadata: m)).ShouldStartWith($"{field}: 'x\\nDepends: evil' must be a single line");
    }
}
