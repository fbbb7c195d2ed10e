using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>The rendered spec parses with rpmspec and, given the staged tree, rpmbuild makes the package it describes.</summary>
public class RpmSpecTests
{
    private static readonly UnixFileMode Plain = (UnixFileMode)Convert.ToInt32("644", 8);

    /// <summary>Names that need quoting or glob escaping in %files.</summary>
    private static readonly string[] AwkwardNames = ["a b[1]*?.txt", "100%.txt", "it's.txt", "brace].txt", "it's [x] 50%.txt", "sp ace.txt"];

    private static TemplateContext ContextWithAwkwardFiles() => TemplateFixtures.Contract() with
    {
        Files = [.. TemplateFixtures.ContractFacts.Files, .. AwkwardNames.Select(n => new SpecFileEntry($"/opt/ledger/app/{n}", SpecFileKind.File, Plain))],
    };

    [Test]
    public void Rpmspec_parses_it_and_reads_the_tags_back()
    {
        using var temp = new TempProject();
        var spec = RenderedFiles.Write(TemplateFixtures.BuiltIn(), TemplateNames.RpmSpec, TemplateFixtures.Contract() with { Epoch = 3 }, Path.Combine(temp.Dir, "ledger.spec"));

        ToolRunner.Run("rpmspec", ["-P", "--define", $"_pkgify_stage {temp.Dir}", spec]).ExitCode.ShouldBe(0);
        var query = ToolRunner.Run("rpmspec", ["-q", "--srpm", "--define", $"_pkgify_stage {temp.Dir}",
            "--qf", "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{SUMMARY}|%{LICENSE}|%{URL}|%{GROUP}|%{PACKAGER}|%{DESCRIPTION}", spec]);
        query.ShouldBe(new ToolResult(0,
            "ledger|3|1.4.2|1|Ledger web service|MIT|https://example.com/ledger|Applications/Internet|Ops Team <ops@example.com>|Longer text, several lines.", ""));
    }

    [Test]
    public void Without_the_stage_macro_rpmspec_says_what_to_define()
    {
        using var temp = new TempProject();
        var spec = RenderedFiles.Write(TemplateFixtures.BuiltIn(), TemplateNames.RpmSpec, TemplateFixtures.Contract(), Path.Combine(temp.Dir, "ledger.spec"));
        var result = ToolRunner.Run("rpmspec", ["-P", spec]);
        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("define _pkgify_stage");
    }

    [Test]
    public void Rpmbuild_over_the_staged_tree_makes_the_described_package()
    {
        var context = ContextWithAwkwardFiles();
        var renderer = TemplateFixtures.BuiltIn();
        using var temp = new TempProject();
        var stage = Stage(temp, context.Files);
        var spec = RenderedFiles.Write(renderer, TemplateNames.RpmSpec, context, Path.Combine(temp.Root, "ledger.spec"));

        var build = ToolRunner.Run("rpmbuild", ["-bb", "--define", $"_topdir {temp.Root}/top", "--define", $"_pkgify_stage {stage}", spec]);
        build.ExitCode.ShouldBe(0, build.ToString());
        build.Stderr.Split('\n').Where(l => l.StartsWith("warning:")).ShouldBeEmpty(build.Stderr);
        var rpm = Path.Combine(temp.Root, "top/RPMS/x86_64/ledger-1.4.2-1.x86_64.rpm");

        Query(rpm, "%{NAME}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SUMMARY}|%{LICENSE}|%{DESCRIPTION}")
            .ShouldBe("ledger|1.4.2|1|x86_64|Ledger web service|MIT|Longer text, several lines.");
        Query(rpm, "[%{FILENAMES}|%{FILEMODES:perms}|%{FILEUSERNAME}|%{FILEGROUPNAME}|%{FILEFLAGS:fflags}\n]")
            .ShouldBe(string.Join("\n", context.Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(Expected)));
        foreach (var (tag, template) in new[] { ("PREIN", TemplateNames.RpmPre), ("POSTIN", TemplateNames.RpmPost), ("PREUN", TemplateNames.RpmPreun), ("POSTUN", TemplateNames.RpmPostun) })
            Query(rpm, $"%{{{tag}}}").ShouldBe(renderer.Render(template, context).TrimEnd('\n'), tag);
        var requires = ToolRunner.Check("rpm", "-qp", "--requires", rpm).Stdout.Split('\n');
        requires.ShouldContain("/usr/bin/python3.11");
        requires.ShouldContain("libpq.so.5()(64bit)");
    }

    /// <summary>What rpm reports for a file: perms as ls shows them, and %config(noreplace) = "cn", %doc = "d".</summary>
    private static string Expected(SpecFileEntry file)
    {
        var type = file.Kind switch { SpecFileKind.Directory => 'd', SpecFileKind.Symlink => 'l', _ => '-' };
        var perms = file.IsSymlink ? "rwxrwxrwx" : Perms(file.Mode);
        var flags = (file.IsConfig ? "cn" : "") + (file.IsDoc ? "d" : "");
        return $"{file.Path}|{type}{perms}|{file.Owner}|{file.Group}|{flags}";
    }

    private static string Perms(UnixFileMode mode) =>
        string.Concat(Enumerable.Range(0, 9).Select(i => ((int)mode & (1 << (8 - i))) != 0 ? "rwx"[i % 3] : '-'));

    private static string Query(string rpm, string format) =>
        ToolRunner.Check("rpm", "-qp", "--qf", format, rpm).Stdout.TrimEnd('\n');

    /// <summary>Creates the payload entries under a staging directory, the way the build stages them.</summary>
    internal static string Stage(TempProject temp, IEnumerable<SpecFileEntry> files)
    {
        var stage = Path.Combine(temp.Root, "stage");
        foreach (var file in files)
        {
            var path = stage + file.Path;
            Directory.CreateDirectory(file.IsDir ? path : Path.GetDirectoryName(path)!);
            if (file.Kind == SpecFileKind.File) File.WriteAllText(path, file.Path + "\n");
            if (file.IsSymlink) File.CreateSymbolicLink(path, "python3");
            if (!file.IsSymlink) File.SetUnixFileMode(path, file.Mode);
        }
        return stage;
    }
}
