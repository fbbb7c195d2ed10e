using Pkgify.Core.Model;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Build;

/// <summary>What <c>pkgify build</c> (or <c>render</c>) was asked to do.</summary>
public sealed record BuildRequest
{
    public required string ProjectDir { get; init; }
    public IReadOnlyList<PackageFamily> Formats { get; init; } = new[] { PackageFamily.Deb, PackageFamily.Rpm };
    public CompressionKind Compression { get; init; } = CompressionKind.Xz;
    public int? Level { get; init; }

    /// <summary>Compression threads; 0 = one per processor. The bytes written do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Default: <c>DIR/dist</c>.</summary>
    public string? OutputDirectory { get; init; }

    public long? SourceDateEpoch { get; init; }

    /// <summary>When set, the staged install tree (RPM view) is also written there.</summary>
    public string? StageDirectory { get; init; }

    /// <summary>Build the virtualenv afresh instead of reusing a cached one.</summary>
    public bool NoCache { get; init; }

    /// <summary>Signs the .rpm's header (<c>--sign-key</c>); .deb files carry no signature (apt trusts the repository).</summary>
    public Pkgify.Formats.OpenPgp.OpenPgpSecretKey? SigningKey { get; init; }

    public string Output => OutputDirectory ?? Path.Combine(Path.GetFullPath(ProjectDir), "dist");
}
