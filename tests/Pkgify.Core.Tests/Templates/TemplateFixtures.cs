using Pkgify.Core.Build;
using Pkgify.Core.Config;
using Pkgify.Core.Model;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Config;

namespace Pkgify.Core.Tests.Templates;

/// <summary>Contexts built from the contract's example pkgify.yaml, as the build builds them.</summary>
internal static class TemplateFixtures
{
    /// <summary>2023-11-14 22:13:20 UTC.</summary>
    public const long SourceDateEpoch = 1_700_000_000;

    private static readonly UnixFileMode Dir = (UnixFileMode)Convert.ToInt32("755", 8);
    private static readonly UnixFileMode Plain = (UnixFileMode)Convert.ToInt32("644", 8);
    private static readonly UnixFileMode Secret = (UnixFileMode)Convert.ToInt32("640", 8);

    public static readonly BuildFacts ContractFacts = new()
    {
        DebVersion = "1.4.2-1",
        RpmVersion = "1.4.2",
        RpmRelease = "1",
        DebArch = "amd64",
        RpmArch = "x86_64",
        SourceDateEpoch = SourceDateEpoch,
        InstalledSizeKiB = 48213,
        DebDepends = ["python3.11", "libpq5 (>= 15)"],
        RpmRequires = ["/usr/bin/python3.11", "libpq.so.5()(64bit)"],
        Files =
        [
            new("/etc/ledger", SpecFileKind.Directory, Dir),
            new("/etc/ledger/ledger.env", SpecFileKind.File, Secret, Group: "ledger", IsConfig: true),
            new("/etc/ledger/local_settings.py", SpecFileKind.File, Secret, Group: "ledger", IsConfig: true),
            new("/opt/ledger", SpecFileKind.Directory, Dir),
            new("/opt/ledger/app", SpecFileKind.Directory, Dir),
            new("/opt/ledger/app/ledger.py", SpecFileKind.File, Plain),
            new("/opt/ledger/venv", SpecFileKind.Directory, Dir),
            new("/opt/ledger/venv/bin", SpecFileKind.Directory, Dir),
            new("/opt/ledger/venv/bin/python", SpecFileKind.Symlink, Plain),
            new("/usr/share/doc/ledger", SpecFileKind.Directory, Dir),
            new("/usr/share/doc/ledger/copyright", SpecFileKind.File, Plain, IsDoc: true),
            new("/var/lib/ledger", SpecFileKind.Directory, (UnixFileMode)Convert.ToInt32("750", 8), "ledger", "ledger"),
        ],
        Bundled =
        [
            new("Flask", "3.0.0", "BSD-3-Clause"),
            new("gunicorn", "21.2.0", "MIT"),
            new("psycopg2-binary", "2.9.9", "LGPL with exceptions\nfull text follows..."),
        ],
    };

    /// <summary><see cref="ContractFacts"/> for <paramref name="config"/>: with its changelog, as the build makes it.</summary>
    public static BuildFacts FactsFor(ProjectConfig config, int epoch = 0) => ContractFacts with
    {
        Epoch = epoch > 0 ? epoch : null,
        DebVersion = (epoch > 0 ? $"{epoch}:" : "") + ContractFacts.DebVersion,
        Changelog = BuildChangelog.For(config, new PackageVersion(epoch, ContractFacts.RpmVersion, ContractFacts.RpmRelease), SourceDateEpoch),
    };

    /// <summary>The contract example, with <paramref name="yamlEdit"/> applied to its text first.</summary>
    public static TemplateContext Contract(Func<string, string>? yamlEdit = null, Action<Support.TempProject>? setup = null, int epoch = 0)
    {
        using var project = ContractExampleTests.ContractProject();
        if (yamlEdit is not null) project.Write("pkgify.yaml", yamlEdit(ContractExampleTests.ContractYaml));
        setup?.Invoke(project);
        var config = ConfigLoader.Load(project.Dir, ContractExampleTests.NoPyProject);
        return TemplateContext.Create(config, FactsFor(config, epoch));
    }

    /// <summary>The renderer over the built-in templates.</summary>
    public static TemplateRenderer BuiltIn() => new(TemplateSet.Load(null));
}
