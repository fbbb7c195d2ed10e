namespace Pkgify.Core.Model;

/// <summary>
/// One architecture under its two names: Debian's (<c>amd64</c>, <c>all</c>) and RPM's (<c>x86_64</c>,
/// <c>noarch</c>). formats.md §1.7: a .deb must carry the Debian name, never the GNU/RPM one.
/// </summary>
public sealed record PackageArchitecture(string Deb, string Rpm)
{
    public static readonly PackageArchitecture Independent = new("all", "noarch");

    private static readonly PackageArchitecture[] Known =
    {
        Independent,
        new("amd64", "x86_64"),
        new("arm64", "aarch64"),
        new("i386", "i686"),
        new("armhf", "armv7hl"),
        new("ppc64el", "ppc64le"),
        new("s390x", "s390x"),
        new("riscv64", "riscv64"),
    };

    public bool IsIndependent => this == Independent;

    /// <summary>Accepts either family's name; null when unknown.</summary>
    public static PackageArchitecture? Parse(string name) =>
        Known.FirstOrDefault(a => a.Deb == name || a.Rpm == name);

    /// <summary>The architecture of the machine pkgify runs on (for payloads with native code).</summary>
    public static PackageArchitecture Host => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => Parse("amd64")!,
        System.Runtime.InteropServices.Architecture.Arm64 => Parse("arm64")!,
        System.Runtime.InteropServices.Architecture.X86 => Parse("i386")!,
        System.Runtime.InteropServices.Architecture.Arm => Parse("armhf")!,
        System.Runtime.InteropServices.Architecture.Ppc64le => Parse("ppc64el")!,
        System.Runtime.InteropServices.Architecture.S390x => Parse("s390x")!,
        System.Runtime.InteropServices.Architecture.RiscV64 => Parse("riscv64")!,
        var other => throw new PlatformNotSupportedException($"no package architecture known for {other}"),
    };

    public override string ToString() => Deb;
}
