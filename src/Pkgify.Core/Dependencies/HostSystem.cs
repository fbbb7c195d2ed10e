using Pkgify.Core.Model;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// Where the build host keeps what Debian dependency resolution reads, as dpkg-shlibdeps finds it: the dpkg
/// database (package file lists, shlibs and symbols control files), /etc/dpkg overrides and the dynamic
/// linker's configuration.
/// </summary>
/// <param name="DpkgAdminDir">dpkg's administrative directory.</param>
/// <param name="DpkgConfDir">dpkg's configuration directory (shlibs.override, shlibs.default, symbols/).</param>
/// <param name="LdSoConf">The dynamic linker's configuration file.</param>
/// <param name="DebArch">The Debian architecture of the packages being built.</param>
public sealed record HostSystem(string DpkgAdminDir, string DpkgConfDir, string LdSoConf, string DebArch)
{
    /// <summary>The machine pkgify runs on.</summary>
    public static HostSystem Local { get; } = new("/var/lib/dpkg", "/etc/dpkg", "/etc/ld.so.conf", PackageArchitecture.Host.Deb);
}
