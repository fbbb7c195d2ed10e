using NUnit.Framework;
using Pkgify.Core.Dependencies.Debian;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>
/// deb-symbols(5) and deb-shlibs(5) corner cases the installed files of the test machine do not show: tags,
/// patterns, deprecated symbols, alternative templates, typed shlibs lines. (The common cases are proved against
/// dpkg-shlibdeps itself in ElfDependencyAcceptanceTests.)
/// </summary>
public class DebControlFilesTests
{
    [Test]
    public void Symbols_files_keep_plain_and_tagged_symbols_and_skip_patterns()
    {
        using var dir = new TempDir("symbols");
        var file = dir.Path("libfoo1.symbols");
        File.WriteAllText(file, """
            libfoo.so.1 libfoo1 #MINVER#
            | libfoo1 (>> 2.0), libfoo1 (<< 2.1)
            * Build-Depends-Package: libfoo-dev
             foo@Base 1.0
             bar@FOO_2 1.5 1
             (optional)baz@Base 1.2
             (arch=amd64|optional)"spaced name@Base" 1.3
             (c++)"foo::bar()@Base" 1.4
             (symver)FOO_3 1.6
             *@FOO_4 1.7
            #MISSING: 1.8# gone@Base 0.9
            # a comment
            libbar.so.2 libbar2 #MINVER#
             bar@Base 2.0
            """);
        DebSymbolsFile.HasSoname(file, "libfoo.so.1").ShouldBeTrue();
        DebSymbolsFile.HasSoname(file, "libfoo.so").ShouldBeFalse();
        var objects = DebSymbolsFile.Parse(file);
        var foo = objects["libfoo.so.1"];
        foo.Templates.ShouldBe(["libfoo1 #MINVER#", "libfoo1 (>> 2.0), libfoo1 (<< 2.1)"]);
        foo.Symbols.Keys.Order(StringComparer.Ordinal).ShouldBe(["bar@FOO_2", "baz@Base", "foo@Base", "gone@Base", "spaced name@Base"]);
        foo.Symbols["bar@FOO_2"].ShouldBe(new DebSymbol("1.5", 1, false));
        foo.Symbols["gone@Base"].Deprecated.ShouldBeTrue();
        // Template 0 only: bar (template 1) does not count; the deprecated symbol does, as in dpkg.
        foo.SmallestVersion().ShouldBe("0.9");
        objects["libbar.so.2"].SmallestVersion().ShouldBe("2.0");
    }

    [TestCase("libfoo.so.1", "libfoo", "1")]
    [TestCase("libfoo-1.2.so", "libfoo", "1.2")]
    [TestCase("libfoo.so.1.2.3", "libfoo", "1.2.3")]
    public void Sonames_split_as_dpkg_shlibdeps_splits_them(string soname, string name, string version) =>
        ShlibsFile.SplitSoname(soname).ShouldBe((name, version));

    [Test]
    public void Shlibs_lines_prefer_the_deb_type_over_an_untyped_default()
    {
        using var dir = new TempDir("shlibs");
        var file = dir.Path("shlibs");
        File.WriteAllText(file, "# comment\nlibfoo 1 libfoo1 (>= 1.0)\nudeb: libfoo 1 libfoo1-udeb\ndeb: libfoo 1 libfoo1 (>= 1.1)\nlibbar 2 libbar2\nlibnone 3\n");
        ShlibsFile.Find(file, "libfoo.so.1").ShouldBe("libfoo1 (>= 1.1)");
        ShlibsFile.Find(file, "libbar.so.2").ShouldBe("libbar2");
        ShlibsFile.Find(file, "libnone.so.3").ShouldBe("");
        ShlibsFile.Find(file, "libbaz.so.1").ShouldBeNull();
        ShlibsFile.Find(file, "weird").ShouldBeNull();
    }
}
