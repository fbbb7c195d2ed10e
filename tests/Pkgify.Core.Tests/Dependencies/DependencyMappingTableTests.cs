using NUnit.Framework;
using Pkgify.Core.Dependencies;
using Pkgify.Core.Model;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>The shipped mapping table: its Debian names exist in Debian 12, it covers what web apps need.</summary>
public class DependencyMappingTableTests
{
    private static DependencyMappingTable Table => DependencyMappingTable.Builtin;

    /// <summary>
    /// The first alternative of every deb relation is a Debian 12 package; any later one is another distribution's
    /// name (Ubuntu 22.04's libtiff5) and must NOT be in Debian 12, so that apt on Debian 12 always picks the first,
    /// the package whose sonames the table lists. This machine reaches no Ubuntu archive: the Ubuntu names are
    /// checked for being absent from Debian, not for being present in Ubuntu.
    /// </summary>
    [Test]
    public void Each_debian_relation_starts_with_a_debian_12_package_and_offers_only_other_distributions_names_after_it()
    {
        var first = Table.Entries.Select(e => RelationNames(e.Deb).First()).Distinct().Order(StringComparer.Ordinal).ToList();
        var later = Table.Entries.SelectMany(e => RelationNames(e.Deb).Skip(1)).Distinct().Order(StringComparer.Ordinal).ToList();
        later.ShouldNotBeEmpty("the table offers Ubuntu 22.04 alternatives");
        var known = Debian12Packages([.. first, .. later]);
        first.Where(n => !known.Contains(n)).ShouldBeEmpty("names apt-cache does not know in the Debian 12 archive");
        later.Where(known.Contains).ShouldBeEmpty("alternatives that Debian 12 would pick instead of the first one");
    }

    /// <summary>The names among <paramref name="names"/> that apt-cache knows in this machine's Debian 12 archive.</summary>
    private static HashSet<string> Debian12Packages(List<string> names)
    {
        var aptCache = ToolRunner.Require("apt-cache");
        // A fresh container may have no package lists yet: fetch them once.
        if (ToolRunner.Run(aptCache, ["show", "--no-all-versions", "zlib1g"]).ExitCode != 0)
            ToolRunner.RunChecked(ToolRunner.Require("apt-get"), ["update"]);
        ToolRunner.RunChecked("/bin/sh", ["-c", ". /etc/os-release && test \"$VERSION_ID\" = 12"],
            timeout: TimeSpan.FromSeconds(30)); // the archive checked must be Debian 12's
        var output = ToolRunner.Run(aptCache, ["show", "--no-all-versions", .. names]).StdOut;
        return output.Split('\n').Where(l => l.StartsWith("Package: ", StringComparison.Ordinal)).Select(l => l["Package: ".Length..].Trim()).ToHashSet();
    }

    [Test]
    public void Sonames_of_installed_packages_are_in_those_packages()
    {
        var checkedAny = false;
        foreach (var entry in Table.Entries.Where(e => e.Sonames.Length > 0))
        {
            var listing = ToolRunner.Run(ToolRunner.Require("dpkg"), ["-L", entry.SonamePackage]);
            if (listing.ExitCode != 0)
                continue; // not installed on this machine
            foreach (var soname in entry.Sonames.Where(s => !ForeignLoaders.Contains(s)))
                listing.StdOut.Split('\n').ShouldContain(l => l.EndsWith("/" + soname, StringComparison.Ordinal), $"{entry.SonamePackage} should ship {soname}");
            checkedAny = true;
        }
        checkedAny.ShouldBeTrue();
    }

    // The table lists the glibc dynamic loader of each architecture pkgify builds on; this machine's libc6
    // ships only its own, so the others cannot be checked with dpkg -L here.
    private static readonly Dictionary<string, string> LoaderByArchitecture = new()
    {
        ["amd64"] = "ld-linux-x86-64.so.2",
        ["arm64"] = "ld-linux-aarch64.so.1",
    };

    private static HashSet<string> ForeignLoaders =>
        LoaderByArchitecture.Where(kv => kv.Key != PackageArchitecture.Host.Deb).Select(kv => kv.Value).ToHashSet(StringComparer.Ordinal);

    [Test]
    public void Covers_at_least_sixty_libraries_and_tools_including_the_usual_ones()
    {
        Table.Entries.Length.ShouldBeGreaterThanOrEqualTo(60);
        string[] usual = ["libpq", "mysqlclient", "libxml2", "libxslt", "libjpeg", "libpng", "libtiff", "libwebp", "zlib", "openssl",
            "libffi", "libyaml", "libmagic", "libmemcached", "geos", "proj", "gdal", "cairo", "pango", "freetype", "lcms2",
            "openldap", "sasl", "kerberos", "libsodium", "gmp", "imagemagick", "libmagickwand", "sqlite3", "libcurl"];
        usual.Where(n => Table.Find(n) is null).ShouldBeEmpty();
    }

    [TestCase("libpq-dev", "libpq5", "libpq")]
    [TestCase("postgresql-devel", "libpq5", "libpq")]
    [TestCase("libxml2-devel", "libxml2", "libxml2")]
    [TestCase("LIBXML2-DEV", "libxml2", "libxml2")]
    [TestCase("zlib1g-dev", "zlib1g", "zlib")]
    [TestCase("libjpeg-turbo-devel", "libjpeg62-turbo | libjpeg-turbo8", "libjpeg-turbo")]
    [TestCase("libgeos-dev", "libgeos-c1v5", "geos")]
    [TestCase("libfreetype-dev", "libfreetype6", "freetype")]
    [TestCase("libwebp-devel", "libwebp7", "libwebp")]
    public void Development_names_map_to_runtime_packages(string name, string deb, string rpm)
    {
        var entry = Table.Find(name).ShouldNotBeNull();
        entry.Deb.ShouldBe(deb);
        entry.Rpm.ShouldBe(rpm);
    }

    [Test]
    public void A_dev_name_not_listed_falls_back_on_its_runtime_name()
    {
        Table.Find("gmp-dev").ShouldNotBeNull().Deb.ShouldBe("libgmp10");
        Table.Find("libsodium-devel").ShouldNotBeNull().Deb.ShouldBe("libsodium23");
        Table.Find("no-such-library-dev").ShouldBeNull();
    }

    [Test]
    public void No_entry_is_a_development_package()
    {
        Table.Entries.SelectMany(e => RelationNames(e.Deb).Concat(RelationNames(e.Rpm)))
            .Where(n => n.EndsWith("-dev", StringComparison.Ordinal) || n.EndsWith("-devel", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Test]
    public void Sonames_lead_to_their_entry()
    {
        Table.FindBySoname("libpq.so.5").ShouldNotBeNull().Deb.ShouldBe("libpq5");
        Table.FindBySoname("libxslt.so.1").ShouldNotBeNull().Deb.ShouldBe("libxslt1.1");
        Table.FindBySoname("libnothing.so.9").ShouldBeNull();
        // The sonames are the Debian 12 package's; Ubuntu 22.04's alternative ships libtiff.so.5.
        var tiff = Table.FindBySoname("libtiff.so.6").ShouldNotBeNull();
        tiff.Deb.ShouldBe("libtiff6 | libtiff5");
        tiff.SonamePackage.ShouldBe("libtiff6");
    }

    [Test]
    public void A_name_used_twice_in_a_table_is_refused()
    {
        var yaml = "a:\n  aliases: [x]\n  deb: a1\n  rpm: a\nb:\n  aliases: [X]\n  deb: b1\n  rpm: b\n";
        Should.Throw<InvalidDataException>(() => DependencyMappingTable.Parse(yaml, "t.yaml")).Message.ShouldContain("'X'");
        Should.Throw<InvalidDataException>(() => DependencyMappingTable.Parse("a:\n  deb: a1\n", "t.yaml")).Message.ShouldContain("'rpm'");
    }

    private static IEnumerable<string> RelationNames(string relation) =>
        relation.Split('|').Select(a => a.Split('(')[0].Trim());
}
