namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// Digests pkgify signs with (RFC 4880 §9.4 ids). SHA-1 is deliberately absent: apt 2.6 and RHEL 9 reject it.
/// </summary>
public enum OpenPgpHash
{
    /// <summary>SHA-256 (id 8).</summary>
    Sha256 = 8,

    /// <summary>SHA-512 (id 10).</summary>
    Sha512 = 10,
}
