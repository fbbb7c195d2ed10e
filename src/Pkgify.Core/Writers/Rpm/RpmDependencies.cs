using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Formats.Compression;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// The dependency arrays of the main header, derived from the model the way rpmbuild 4.18 fills them
/// (formats.md §2.8, checked against rpmbuild output): the self-provide, config(name), the model's relations,
/// scriptlet interpreters and the rpmlib() features the package uses. Each list is sorted by name (then flags
/// and version) and free of duplicates, as rpmbuild writes them.
/// </summary>
internal sealed record RpmDependencies(
    IReadOnlyList<RpmDependency> Provides,
    IReadOnlyList<RpmDependency> Requires,
    IReadOnlyList<RpmDependency> Conflicts,
    IReadOnlyList<RpmDependency> Obsoletes,
    IReadOnlyList<RpmDependency> Recommends,
    IReadOnlyList<RpmDependency> Suggests)
{
    private const int RpmLibFlags = RpmSenseFlags.RpmLib | RpmSenseFlags.LessOrEqual;

    public static RpmDependencies For(PackageModel model, RpmFileTable table, CompressionKind compression)
    {
        var relations = model.Rpm.Relations;
        if (relations.Get(RelationKind.Replaces).Length > 0)
            throw new UsageException("rpm relations: rpm has no Replaces (Debian's file takeover): use Obsoletes or Conflicts for the rpm family");
        string evr = model.Identity.Version.RpmEvr;

        var provides = new List<RpmDependency> { new(model.Identity.Name, RpmSenseFlags.Equal, evr) };
        // rpmbuild also provides NAME(ISA) = EVR for arch-specific packages (`%{name}%{?_isa}`), which dnf and
        // spec files use to require the same architecture's build on multilib systems.
        if (IsaName(model.Identity.Architecture.Rpm) is { } isa)
            provides.Add(new RpmDependency($"{model.Identity.Name}({isa})", RpmSenseFlags.Equal, evr));
        var requires = new List<RpmDependency>();
        if (table.HasConfigFiles)
        {
            // rpmbuild's config(name) = EVR provide and require tie the package to its own config files.
            var config = new RpmDependency($"config({model.Identity.Name})", RpmSenseFlags.Config | RpmSenseFlags.Equal, evr);
            provides.Add(config);
            requires.Add(config);
        }
        provides.AddRange(From(relations, RelationKind.Provides));
        requires.AddRange(From(relations, RelationKind.Depends));
        // Pre-Depends means "usable before this package's install scripts run": Requires(pre). rpmbuild 4.18 no
        // longer writes the legacy PREREQ bit (it rewrites PreReq: as Requires(pre,preun)).
        requires.AddRange(From(relations, RelationKind.PreDepends, RpmSenseFlags.ScriptPre));
        requires.AddRange(RpmScriptlets.InterpreterRequires(model.Rpm.Scripts));

        var lists = new RpmDependencies(provides, requires,
            From(relations, RelationKind.Conflicts).Concat(From(relations, RelationKind.Breaks)).ToList(),
            From(relations, RelationKind.Obsoletes).ToList(),
            From(relations, RelationKind.Recommends).ToList(),
            From(relations, RelationKind.Suggests).ToList());
        requires.AddRange(RpmLibRequires(lists, table, compression));
        return new RpmDependencies(Sorted(provides), Sorted(requires), Sorted(lists.Conflicts), Sorted(lists.Obsoletes),
            Sorted(lists.Recommends), Sorted(lists.Suggests));
    }

    /// <summary>
    /// rpm's %{__isa} (%{__isa_name}-%{__isa_bits}) per target, as `rpm --target ARCH --eval %{__isa}` prints it;
    /// none for noarch.
    /// </summary>
    private static string? IsaName(string rpmArch) => rpmArch switch
    {
        "x86_64" => "x86-64",
        "i686" or "i586" or "i386" => "x86-32",
        "aarch64" => "aarch-64",
        "armv7hl" => "armv7hl-32",
        "ppc64le" or "ppc64" => "ppc-64",
        "s390x" => "s390-64",
        "riscv64" => "riscv-64",
        _ => null,
    };

    /// <summary>
    /// The rpmlib() features this package relies on, versions from `rpm: lib/rpmds.c` rpmlibProvides, flags
    /// RPMLIB|LESS|EQUAL: older rpm versions that lack a feature then refuse the package instead of misreading it.
    /// </summary>
    private static IEnumerable<RpmDependency> RpmLibRequires(RpmDependencies lists, RpmFileTable table, CompressionKind compression)
    {
        RpmDependency Feature(string name, string version) => new($"rpmlib({name})", RpmLibFlags, version);
        yield return Feature("CompressedFileNames", "3.0.4-1");
        yield return Feature("FileDigests", "4.6.0-1");
        yield return Feature("PayloadFilesHavePrefix", "4.0-1");
        if (table.HasHardlinks)
            yield return Feature("PartialHardlinkSets", "4.0.4-1");
        if (table.HasLargeFiles)
            yield return Feature("LargeFiles", "4.12.0-1");
        if (compression == CompressionKind.Xz)
            yield return Feature("PayloadIsXz", "5.2-1");
        if (compression == CompressionKind.Zstd)
            yield return Feature("PayloadIsZstd", "5.4.18-1");

        var all = lists.Provides.Concat(lists.Requires).Concat(lists.Conflicts).Concat(lists.Obsoletes)
            .Concat(lists.Recommends).Concat(lists.Suggests).ToList();
        if (all.Any(d => d.Name.StartsWith('(')))
            yield return Feature("RichDependencies", "4.12.0-1");
        // rpmbuild looks at every dependency's version, the self-provide's EVR included (`build/reqprov.c`).
        if (all.Any(d => d.Version.Contains('~') || d.Name.StartsWith('(') && d.Name.Contains('~')))
            yield return Feature("TildeInVersions", "4.10.0-1");
        if (all.Any(d => d.Version.Contains('^') || d.Name.StartsWith('(') && d.Name.Contains('^')))
            yield return Feature("CaretInVersions", "4.15.0-1");
    }

    /// <summary>
    /// A relation group as rpm stores it: one alternative → name, operator flags and version; several → a rich
    /// dependency <c>(a or b &gt;= 1)</c> as the name, flags 0 (what rpmbuild writes for <c>Requires: (a or b)</c>).
    /// </summary>
    private static IEnumerable<RpmDependency> From(RelationSet relations, RelationKind kind, int extraFlags = 0) =>
        relations.Get(kind).Select(group => group.Alternatives.Length == 1
            ? new RpmDependency(group.Alternatives[0].Name, SenseOf(group.Alternatives[0].Operator) | extraFlags, group.Alternatives[0].Version)
            : new RpmDependency(group.ToRpm(), extraFlags));

    private static int SenseOf(RelationOperator op) => op switch
    {
        RelationOperator.Less => RpmSenseFlags.Less,
        RelationOperator.LessOrEqual => RpmSenseFlags.LessOrEqual,
        RelationOperator.Equal => RpmSenseFlags.Equal,
        RelationOperator.GreaterOrEqual => RpmSenseFlags.GreaterOrEqual,
        RelationOperator.Greater => RpmSenseFlags.Greater,
        _ => RpmSenseFlags.Any,
    };

    private static List<RpmDependency> Sorted(IEnumerable<RpmDependency> list) =>
        list.Distinct()
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ThenBy(d => d.Flags)
            .ThenBy(d => d.Version, StringComparer.Ordinal)
            .ToList();
}
