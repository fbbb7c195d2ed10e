namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// One key of a transferable key (the primary or a subkey): its packet, public material, secret part when the
/// packet is a secret one, and the self-signatures that describe it (RFC 4880 §11.1).
/// </summary>
internal sealed class KeyComponent(OpenPgpPacket packet, PublicKeyMaterial publicKey, SecretKeyPart? secret, bool isPrimary)
{
    // Signature types (RFC 4880 §5.2.1).
    private const int FirstCertification = 0x10;
    private const int LastCertification = 0x13;
    private const int SubkeyBinding = 0x18;
    private const int DirectKey = 0x1F;
    private const int KeyRevocation = 0x20;
    private const int SubkeyRevocation = 0x28;

    // RFC 4880 §5.2.3.21: key flag 0x02 "this key may be used to sign data".
    private const byte SignDataFlag = 0x02;

    public OpenPgpPacket Packet { get; } = packet;

    public PublicKeyMaterial Public { get; } = publicKey;

    public SecretKeyPart? Secret { get; } = secret;

    public bool IsPrimary { get; } = isPrimary;

    /// <summary>Self-signatures and revocations issued by the primary key over this component.</summary>
    public List<ParsedSignature> SelfSignatures { get; } = [];

    /// <summary>Whether <paramref name="signature"/>, found after this component, says something about it.</summary>
    public bool IsRelevant(ParsedSignature signature, PublicKeyMaterial primary)
    {
        var type = signature.SignatureType;
        var kind = IsPrimary
            ? type is >= FirstCertification and <= LastCertification or DirectKey or KeyRevocation
            : type is SubkeyBinding or SubkeyRevocation;
        return kind && IsIssuedBy(signature, primary);
    }

    /// <summary>Whether the primary key revoked this component.</summary>
    public bool IsRevoked => SelfSignatures.Any(s => s.SignatureType is KeyRevocation or SubkeyRevocation);

    /// <summary>
    /// Whether this key may sign data, judged by its newest self-signature (RFC 4880 §5.2.3.3: the most recent
    /// one wins): its key flags, or when it has none, what the algorithm can do. Revoked keys never may; a subkey
    /// needs a binding signature. Signatures are not checked cryptographically: the file is the user's own key.
    /// </summary>
    public bool MaySign()
    {
        if (IsRevoked)
        {
            return false;
        }

        var newest = Newest();
        if (newest is null)
        {
            return IsPrimary && PublicKeyAlgorithms.CanSign(Public.Algorithm);
        }

        var flags = newest.HashedSubpackets.FirstOrDefault(s => s.Type == SignatureSubpacket.KeyFlags);
        return flags is { Data.Length: > 0 }
            ? (flags.Data[0] & SignDataFlag) != 0
            : PublicKeyAlgorithms.CanSign(Public.Algorithm);
    }

    /// <summary>When this key expires (seconds since the epoch), from its newest self-signature; null for never.</summary>
    public long? ExpirationTime()
    {
        var expiry = Newest()?.HashedSubpackets.FirstOrDefault(s => s.Type == SignatureSubpacket.KeyExpirationTime);
        if (expiry is not { Data.Length: sizeof(uint) })
        {
            return null;
        }

        var seconds = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(expiry.Data);
        return seconds == 0 ? null : Public.CreationTime + seconds;
    }

    private ParsedSignature? Newest() =>
        SelfSignatures
            .Where(s => s.SignatureType is not (KeyRevocation or SubkeyRevocation))
            .Select((s, index) => (s, index))
            .OrderBy(x => x.s.CreationTime ?? 0)
            .ThenBy(x => x.index)
            .Select(x => x.s)
            .LastOrDefault();

    private static bool IsIssuedBy(ParsedSignature signature, PublicKeyMaterial primary) =>
        signature.IssuerFingerprint is { } fpr ? fpr.AsSpan().SequenceEqual(primary.Fingerprint)
        : signature.IssuerKeyId is not { } id || id == primary.KeyId;
}
