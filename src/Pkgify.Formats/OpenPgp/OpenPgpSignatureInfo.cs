namespace Pkgify.Formats.OpenPgp;

/// <summary>What a signature packet says about itself (for <c>pkgify inspect</c> / <c>verify</c>).</summary>
/// <param name="Version">Packet version (3 or 4).</param>
/// <param name="SignatureType">0x00 binary document, 0x01 canonical text, ... (RFC 4880 §5.2.1).</param>
/// <param name="PublicKeyAlgorithm">1 RSA, 17 DSA, 19 ECDSA, 22 EdDSA (RFC 4880 §9.1).</param>
/// <param name="HashAlgorithm">8 SHA-256, 10 SHA-512, ... (RFC 4880 §9.4).</param>
/// <param name="CreationTime">Seconds since the Unix epoch (hashed creation-time subpacket for v4).</param>
/// <param name="IssuerKeyId">Issuer key ID; null when a v4 packet has no issuer key ID subpacket (16), which
/// rpm 4.18 needs to find the key.</param>
/// <param name="IssuerFingerprint">40 uppercase hex digits of the issuer fingerprint subpacket (33), or null.</param>
public sealed record OpenPgpSignatureInfo(
    int Version,
    int SignatureType,
    int PublicKeyAlgorithm,
    int HashAlgorithm,
    long CreationTime,
    ulong? IssuerKeyId,
    string? IssuerFingerprint);
