using Pkgify.Core.Model;
using Pkgify.Formats.Compression;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Pack;

/// <summary>What <c>pkgify pack</c> was asked to do: package an existing tree, like <c>fpm -s dir</c>.</summary>
public sealed record PackRequest
{
    public required string Tree { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public string Release { get; init; } = "1";
    public string? Architecture { get; init; }

    /// <summary>Where the tree's root is installed; default <c>/opt/&lt;name&gt;</c> as the contract's layout puts applications.</summary>
    public string? Prefix { get; init; }

    public IReadOnlyList<string> Depends { get; init; } = Array.Empty<string>();

    /// <summary>Files to mark as configuration: install paths (<c>/etc/x.conf</c>) or paths relative to the tree.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = Array.Empty<string>();

    /// <summary>Maintainer script files by phase, used for both families (see <see cref="PackScripts"/>).</summary>
    public IReadOnlyDictionary<ScriptPhase, string> Scripts { get; init; } = new Dictionary<ScriptPhase, string>();

    public IReadOnlyList<PackageFamily> Formats { get; init; } = new[] { PackageFamily.Deb, PackageFamily.Rpm };
    public CompressionKind Compression { get; init; } = CompressionKind.Xz;
    public int? Level { get; init; }

    /// <summary>Compression threads; 0 = one per processor. The bytes written do not depend on it.</summary>
    public int Threads { get; init; }
    public required string OutputDirectory { get; init; }
    public long? SourceDateEpoch { get; init; }
    public PackageMetadata? Metadata { get; init; }

    /// <summary>Signs the .rpm's header (<c>--sign-key</c>); .deb files carry no signature (apt trusts the repository).</summary>
    public OpenPgpSecretKey? SigningKey { get; init; }
}

/// <summary>One written package: for humans and for <c>--json</c>.</summary>
public sealed record PackResult(PackageFamily Format, string Path, long Size, string Sha256);
