using System.Collections.Immutable;
using Pkgify.Core.Model;

namespace Pkgify.Core.Dependencies;

/// <summary>A project's own mapping (<c>mappings:</c> in pkgify.yaml): a null family gets no relation.</summary>
/// <param name="Deb">The Debian relation, e.g. <c>libfoo1</c> or <c>libfoo1 (&gt;= 2)</c>, or null.</param>
/// <param name="Rpm">The RPM relation, or null.</param>
public sealed record MappingOverride(string? Deb, string? Rpm)
{
    /// <summary>The relation text for <paramref name="family"/>, or null.</summary>
    public string? For(PackageFamily family) => family == PackageFamily.Deb ? Deb : Rpm;
}

/// <summary>One entry of the shipped mapping table (data/dependency-mappings.yaml).</summary>
/// <param name="Name">The entry's key: its canonical external name.</param>
/// <param name="Aliases">Other names that mean the same (upstream spellings, -dev / -devel package names).</param>
/// <param name="Sonames">Sonames the Debian runtime package ships.</param>
/// <param name="Deb">The Debian 12 runtime package relation.</param>
/// <param name="Rpm">The RHEL 9 / Fedora runtime package relation.</param>
public sealed record DependencyMapping(string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Sonames, string Deb, string Rpm)
{
    /// <summary>The relation text for <paramref name="family"/>.</summary>
    public string For(PackageFamily family) => family == PackageFamily.Deb ? Deb : Rpm;

    /// <summary>
    /// The Debian relation for a library needed by soname: the first alternative of <see cref="Deb"/>, the Debian 12
    /// package <see cref="Sonames"/> describes. Later alternatives are other distributions' packages (Ubuntu
    /// 22.04's libtiff5 ships libtiff.so.5, not libtiff.so.6), which cannot satisfy that soname.
    /// </summary>
    public string SonamePackage => Deb.Split('|')[0].Trim();
}
