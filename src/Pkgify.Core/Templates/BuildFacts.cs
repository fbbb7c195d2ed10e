namespace Pkgify.Core.Templates;

/// <summary>What the build knows beyond pkgify.yaml, for <see cref="TemplateContext.Create"/>.</summary>
public sealed record BuildFacts
{
    /// <summary>Full Debian version: <c>[epoch:]upstream-revision</c>, e.g. "1.4.2~rc1-1".</summary>
    public required string DebVersion { get; init; }

    /// <summary>RPM Version tag, e.g. "1.4.2~rc1".</summary>
    public required string RpmVersion { get; init; }

    /// <summary>RPM Release tag, e.g. "1".</summary>
    public required string RpmRelease { get; init; }

    /// <summary>Epoch, or null for none.</summary>
    public int? Epoch { get; init; }

    /// <summary>Debian architecture: "all" or e.g. "amd64".</summary>
    public required string DebArch { get; init; }

    /// <summary>RPM architecture: "noarch" or e.g. "x86_64".</summary>
    public required string RpmArch { get; init; }

    /// <summary>SOURCE_DATE_EPOCH: the only date that appears in rendered files.</summary>
    public required long SourceDateEpoch { get; init; }

    /// <summary>Debian Installed-Size in KiB.</summary>
    public long InstalledSizeKiB { get; init; }

    /// <summary>Complete Debian Depends entries, in order.</summary>
    public IReadOnlyList<string> DebDepends { get; init; } = [];

    /// <summary>Complete RPM Requires entries, in order.</summary>
    public IReadOnlyList<string> RpmRequires { get; init; } = [];

    /// <summary>Every entry of the payload, for the spec's %files.</summary>
    public IReadOnlyList<SpecFileEntry> Files { get; init; } = [];

    /// <summary>Python distributions installed in the virtualenv.</summary>
    public IReadOnlyList<BundledDistribution> Bundled { get; init; } = [];

    /// <summary>The package's changelog, newest first (the same entries the writers store).</summary>
    public IReadOnlyList<Model.ChangelogEntry> Changelog { get; init; } = [];
}
