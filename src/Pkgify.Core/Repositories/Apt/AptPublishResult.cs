namespace Pkgify.Core.Repositories.Apt;

/// <summary>What one <c>pkgify repo apt</c> run did.</summary>
/// <param name="DistDirectory">The <c>dists/&lt;dist&gt;</c> directory written.</param>
/// <param name="Placed">Pool paths that received a new package in this run.</param>
/// <param name="Packages">Every package of the component's pool.</param>
/// <param name="Architectures">The architectures indexed for the component.</param>
/// <param name="NotIndexed">Pool packages of an architecture outside <paramref name="Architectures"/>.</param>
/// <param name="Signed">True when InRelease and Release.gpg were written.</param>
public sealed record AptPublishResult(
    string DistDirectory,
    IReadOnlyList<string> Placed,
    IReadOnlyList<AptPackage> Packages,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<AptPackage> NotIndexed,
    bool Signed);
