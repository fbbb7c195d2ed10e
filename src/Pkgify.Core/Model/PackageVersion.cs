namespace Pkgify.Core.Model;

/// <summary>
/// A version in the shape both families share: an epoch, an upstream version and a release.
/// Debian writes it as <c>[epoch:]upstream-release</c> (deb-version(7)); RPM keeps the three in
/// EPOCH, VERSION and RELEASE. The upstream part has already been mapped from PEP 440 (see
/// <see cref="Validation.VersionRules"/>) so that both dpkg and rpm order it correctly.
/// </summary>
public sealed record PackageVersion(int Epoch, string Upstream, string Release)
{
    /// <summary>Debian form, e.g. <c>1:1.4.2~rc1-1</c>.</summary>
    public string Deb => (Epoch > 0 ? $"{Epoch}:" : "") + Upstream + "-" + Release;

    /// <summary>Debian form without epoch, used in file names (dpkg-gencontrol's convention).</summary>
    public string DebFileName => Upstream + "-" + Release;

    /// <summary>RPM EVR form used in provides, e.g. <c>1:1.4.2~rc1-1</c> (epoch omitted when 0).</summary>
    public string RpmEvr => (Epoch > 0 ? $"{Epoch}:" : "") + Upstream + "-" + Release;

    public override string ToString() => Deb;
}
