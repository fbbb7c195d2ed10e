namespace Pkgify.Core.Repositories.Apt;

/// <summary>One .deb of the pool as its Packages stanza describes it.</summary>
/// <param name="Fields">The control stanza, field order kept (values as <c>dpkg-deb -f</c> prints them).</param>
/// <param name="Filename">Path relative to the repository root, '/'-separated ("pool/main/h/hello/hello_1.0-1_all.deb").</param>
/// <param name="Digests">Size and digests of the .deb file.</param>
public sealed record AptPackage(IReadOnlyDictionary<string, string> Fields, string Filename, FileDigests Digests)
{
    /// <summary>The Package field.</summary>
    public string Name => Fields["Package"];

    /// <summary>The Version field (epoch included when there is one).</summary>
    public string Version => Fields["Version"];

    /// <summary>The Architecture field ("all" for architecture-independent packages).</summary>
    public string Architecture => Fields["Architecture"];
}
