using System.Text;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// Makes OpenPGP v4 signatures: detached (rpm header signatures, Release.gpg, repomd.xml.asc) and cleartext
/// (InRelease). The signature time is given by the caller (SOURCE_DATE_EPOCH), never read from the clock, so the
/// same key, data and time give the same bytes (RSA PKCS#1 v1.5 and Ed25519 are deterministic).
/// </summary>
public static class OpenPgpSigner
{
    private const int BinaryDocument = 0x00;
    private const int CanonicalText = 0x01;
    private const string SignedMessageHeader = "-----BEGIN PGP SIGNED MESSAGE-----\n";

    /// <summary>
    /// A binary signature packet (type 0x00) over <paramref name="data"/> from its current position to its end;
    /// stored raw in rpm tag 268 (RSA) or 267 (EdDSA).
    /// </summary>
    public static byte[] SignDetached(OpenPgpSecretKey key, Stream data, long creationTime, OpenPgpHash hash = OpenPgpHash.Sha256)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(key, creationTime, hash);
        return SignaturePacketBuilder.Build(key, BinaryDocument, hash, creationTime, h => SignatureHashing.AppendBinary(h, data));
    }

    /// <summary>The same signature ASCII-armored ("-----BEGIN PGP SIGNATURE-----"), as apt wants Release.gpg.</summary>
    public static string SignDetachedArmored(OpenPgpSecretKey key, Stream data, long creationTime, OpenPgpHash hash = OpenPgpHash.Sha512) =>
        OpenPgpArmor.Encode(OpenPgpArmor.Signature, SignDetached(key, data, creationTime, hash));

    /// <summary>
    /// A cleartext signed message (RFC 4880 §7) of <paramref name="text"/>, as InRelease: "Hash:" header, lines
    /// starting with '-' dash-escaped, trailing whitespace removed (it is not signed), canonical-text (0x01)
    /// signature over the lines joined by CR LF. A final line break of <paramref name="text"/> is optional: it
    /// becomes the line break before the signature, as with gpg --clearsign.
    /// </summary>
    public static string SignCleartext(OpenPgpSecretKey key, string text, long creationTime, OpenPgpHash hash = OpenPgpHash.Sha512)
    {
        ArgumentNullException.ThrowIfNull(text);
        Validate(key, creationTime, hash);
        var (signed, body) = CleartextMessage.Prepare(text);
        var packet = SignaturePacketBuilder.Build(key, CanonicalText, hash, creationTime, h => h.AppendData(signed));
        return new StringBuilder()
            .Append(SignedMessageHeader)
            .Append("Hash: ").Append(HashAlgorithms.TextName((int)hash)).Append('\n')
            .Append('\n')
            .Append(body)
            .Append(OpenPgpArmor.Encode(OpenPgpArmor.Signature, packet))
            .ToString();
    }

    private static void Validate(OpenPgpSecretKey key, long creationTime, OpenPgpHash hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (hash is not (OpenPgpHash.Sha256 or OpenPgpHash.Sha512))
        {
            throw new ArgumentOutOfRangeException(nameof(hash), hash, "only SHA-256 and SHA-512 are supported");
        }

        if (creationTime < 0 || creationTime > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(creationTime), creationTime, "signature time must fit 32 bits (RFC 4880 §3.5)");
        }

        // gpgv and rpm reject signatures older than their key ("key created in the future") or made after it
        // expired (apt: EXPKEYSIG), so such a signature would only fail later on the user's machine.
        if (creationTime < key.CreationTime)
        {
            throw new ArgumentOutOfRangeException(nameof(creationTime), creationTime,
                $"signature time is before key {key.Fingerprint} was created ({key.CreationTime})");
        }

        if (key.ExpirationTime is { } expiry && creationTime >= expiry)
        {
            throw new ArgumentOutOfRangeException(nameof(creationTime), creationTime,
                $"signature time is after key {key.Fingerprint} expired ({expiry})");
        }
    }
}
