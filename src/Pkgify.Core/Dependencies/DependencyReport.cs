using Pkgify.Core.Model;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// The result of dependency resolution: every relation of each family with its origin (what <c>pkgify deps</c>
/// prints), the ELF files found and the architecture they imply.
/// </summary>
/// <param name="Relations">Interpreter, declared, mapped, then ELF relations; Debian first.</param>
/// <param name="ElfFiles">Install paths of the payload's ELF files, sorted.</param>
/// <param name="Architecture">Independent (all/noarch) when no ELF file is in the payload, else the host's.</param>
public sealed record DependencyReport(IReadOnlyList<ResolvedRelation> Relations, IReadOnlyList<string> ElfFiles, PackageArchitecture Architecture)
{
    /// <summary>The relations of one family.</summary>
    public IEnumerable<ResolvedRelation> For(PackageFamily family) => Relations.Where(r => r.Family == family);

    /// <summary><paramref name="set"/> with this report's relations of <paramref name="family"/> added (duplicates dropped).</summary>
    public RelationSet AddTo(RelationSet set, PackageFamily family) =>
        For(family).Aggregate(set, (s, r) => s.With(r.Kind, r.Relation));
}
