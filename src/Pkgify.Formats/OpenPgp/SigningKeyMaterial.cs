namespace Pkgify.Formats.OpenPgp;

/// <summary>An unlocked secret key that can sign a digest, producing the signature MPIs of RFC 4880 §5.2.2.</summary>
internal abstract class SigningKeyMaterial
{
    /// <summary>The signature MPI values (before MPI encoding) over <paramref name="digest"/>.</summary>
    public abstract IReadOnlyList<byte[]> Sign(byte[] digest, int hashAlgorithm);

    /// <summary>
    /// Builds the signer for <paramref name="publicKey"/> from its plain secret MPIs, or returns null when they
    /// do not belong to that public key (a wrong passphrase that slipped past the 16-bit checksum, or damage).
    /// </summary>
    public static SigningKeyMaterial? Create(PublicKeyMaterial publicKey, ReadOnlySpan<byte> secretMpis)
    {
        var cursor = new OpenPgpCursor(secretMpis, "secret key material");
        if (publicKey.Rsa is { } rsa)
        {
            // RFC 4880 §5.5.3: RSA secret MPIs d, p, q, u.
            var d = cursor.ReadMpi();
            var p = cursor.ReadMpi();
            var q = cursor.ReadMpi();
            cursor.ReadMpi();
            cursor.ExpectEnd();
            return RsaSigningKey.Create(rsa.Modulus, rsa.Exponent, d, p, q);
        }

        if (publicKey.Ed25519 is { } point)
        {
            var seed = cursor.ReadMpi();
            cursor.ExpectEnd();
            return Ed25519SigningKey.Create(point, seed);
        }

        throw new InvalidOperationException($"{publicKey.Description} keys cannot sign here");
    }
}
