using Pkgify.Core.Progress;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>What <c>pkgify repo apt DIR</c> publishes (formats.md §3).</summary>
public sealed record AptRepositoryRequest
{
    /// <summary>The repository root: the URL clients put in sources.list points here.</summary>
    public required string Directory { get; init; }

    /// <summary>The distribution, published under <c>dists/&lt;Distribution&gt;/</c> ("stable", "bookworm").</summary>
    public required string Distribution { get; init; }

    /// <summary>The component ("main"); its packages live under <c>pool/&lt;Component&gt;/</c>.</summary>
    public required string Component { get; init; }

    /// <summary>Architectures to index; empty means those of the packages (amd64 and arm64 when all are <c>all</c>).</summary>
    public IReadOnlyList<string> Architectures { get; init; } = [];

    /// <summary>Release's Origin field, omitted when null.</summary>
    public string? Origin { get; init; }

    /// <summary>Release's Label field, omitted when null.</summary>
    public string? Label { get; init; }

    /// <summary>Release's Suite field; default: the distribution.</summary>
    public string? Suite { get; init; }

    /// <summary>Release's Codename field; default: the distribution.</summary>
    public string? Codename { get; init; }

    /// <summary>Signs Release into InRelease and Release.gpg; null publishes an unsigned Release.</summary>
    public OpenPgpSecretKey? SigningKey { get; init; }

    /// <summary>Release's Date and the signature time; null uses the newest package file's time.</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>Told of the long step, reading and hashing every package; null shows nothing.</summary>
    public IProgressSink? Progress { get; init; }
}
