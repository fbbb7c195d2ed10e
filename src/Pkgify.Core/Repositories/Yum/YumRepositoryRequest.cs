using Pkgify.Core.Progress;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>What <c>pkgify repo yum DIR</c> publishes (formats.md §4).</summary>
public sealed record YumRepositoryRequest
{
    /// <summary>The repository root (the baseurl); every .rpm below it is published where it lies.</summary>
    public required string Directory { get; init; }

    /// <summary>Signs repomd.xml into repomd.xml.asc; null publishes unsigned metadata.</summary>
    public OpenPgpSecretKey? SigningKey { get; init; }

    /// <summary>Also gives every .rpm a header signature (in place) before indexing it.</summary>
    public bool SignPackages { get; init; }

    /// <summary>Revision, timestamps and signature time; null uses the newest package file's time.</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>Told of the long step, reading and hashing every package; null shows nothing.</summary>
    public IProgressSink? Progress { get; init; }
}
