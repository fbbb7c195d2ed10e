using Pkgify.Core.Model;

namespace Pkgify.Core.Dependencies;

/// <summary>Everything dependency resolution reads.</summary>
/// <param name="PayloadFiles">Every regular file of the payload: where it is now and its absolute install path.</param>
/// <param name="ExternalDependenciesFile">external-dependencies.txt, or null when the project has none.</param>
/// <param name="Mappings">pkgify.yaml <c>mappings:</c>, keyed by external name or soname; they win over the shipped table.</param>
/// <param name="DeclaredDeb">pkgify.yaml <c>depends.deb</c> relations.</param>
/// <param name="DeclaredRpm">pkgify.yaml <c>depends.rpm</c> relations.</param>
/// <param name="InterpreterPath">The Python interpreter (<c>/usr/bin/python3.11</c>), or null for a package without one.</param>
public sealed record DependencyInputs(
    IReadOnlyList<(string HostPath, string InstallPath)> PayloadFiles,
    string? ExternalDependenciesFile,
    IReadOnlyDictionary<string, MappingOverride> Mappings,
    IReadOnlyList<string> DeclaredDeb,
    IReadOnlyList<string> DeclaredRpm,
    string? InterpreterPath)
{
    /// <summary>The families to resolve (a Debian lookup is pointless, and may fail, for an rpm-only build).</summary>
    public IReadOnlyList<PackageFamily> Families { get; init; } = [PackageFamily.Deb, PackageFamily.Rpm];

    /// <summary>The build host's dpkg database and linker configuration.</summary>
    public HostSystem Host { get; init; } = HostSystem.Local;

    /// <summary>The mapping table; the shipped one unless a test gives another.</summary>
    public DependencyMappingTable Table { get; init; } = DependencyMappingTable.Builtin;

    /// <summary>Name of the configuration file, for messages about <c>depends:</c>.</summary>
    public string ConfigName { get; init; } = "pkgify.yaml";
}
