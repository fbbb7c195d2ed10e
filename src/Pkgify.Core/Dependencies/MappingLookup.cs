using Pkgify.Core.Errors;

namespace Pkgify.Core.Dependencies;

/// <summary>Looks names and sonames up in the project's <c>mappings:</c> first, then in the shipped table.</summary>
internal sealed class MappingLookup(DependencyMappingTable table, IReadOnlyDictionary<string, MappingOverride> project)
{
    private readonly Dictionary<string, MappingOverride> _project =
        project.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The mapping of an external dependency and where it was found; unknown names are usage errors.</summary>
    public (MappingOverride? Mapping, string Source) ForName(ExternalDependency dependency)
    {
        foreach (var candidate in DependencyMappingTable.Candidates(dependency.Name))
        {
            if (_project.TryGetValue(candidate, out var own))
                return (own, "pkgify.yaml mappings");
            if (table.Find(candidate) is { } entry)
                return (new MappingOverride(entry.Deb, entry.Rpm), $"mapping table entry '{entry.Name}'");
        }
        throw new UsageException($"{dependency.Where}: no package is known for external dependency '{dependency.Name}': "
                                 + $"add to pkgify.yaml  mappings: {{ {dependency.Name}: {{ deb: DEBIAN-PACKAGE, rpm: RPM-PACKAGE }} }}");
    }

    /// <summary>
    /// The Debian relation for a library the build host cannot trace to a package: a project mapping keyed by the
    /// soname ("" when it maps to nothing), else the package of the table's entry listing the soname, else null.
    /// </summary>
    public string? DebForSoname(string soname) =>
        _project.TryGetValue(soname, out var own) ? own.Deb ?? "" : table.FindBySoname(soname)?.SonamePackage;
}
