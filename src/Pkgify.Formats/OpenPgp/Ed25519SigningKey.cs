using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// Ed25519 for legacy EdDSA keys (algorithm 22): the message signed is the OpenPGP digest itself and the 64-byte
/// signature is stored as the two MPIs R and S (RFC 9580 §5.2.3.3; formats.md §5.2). Deterministic by design.
/// </summary>
internal sealed class Ed25519SigningKey : SigningKeyMaterial
{
    private static readonly int SeedBytes = Ed25519.SecretKeySize;
    private static readonly int HalfSignature = Ed25519.SignatureSize / 2;

    private readonly byte[] _seed;

    private Ed25519SigningKey(byte[] seed) => _seed = seed;

    public static Ed25519SigningKey? Create(byte[] publicKey, ReadOnlySpan<byte> seed)
    {
        // gpg stores the 32-byte secret seed as an MPI, so leading zero bytes are stripped: pad it back.
        var fixedSeed = Mpi.FixedLength(seed, SeedBytes);
        if (fixedSeed is null)
        {
            return null;
        }

        var derived = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(fixedSeed, 0, derived, 0);
        return derived.AsSpan().SequenceEqual(publicKey) ? new Ed25519SigningKey(fixedSeed) : null;
    }

    public override IReadOnlyList<byte[]> Sign(byte[] digest, int hashAlgorithm)
    {
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(_seed, 0, digest, 0, digest.Length, signature, 0);
        return [signature[..HalfSignature], signature[HalfSignature..]];
    }

    /// <summary>Checks an EdDSA signature whose MPIs R and S are given, over <paramref name="digest"/>.</summary>
    public static bool Verify(byte[] publicKey, IReadOnlyList<byte[]> mpis, byte[] digest)
    {
        if (mpis.Count != 2 || Mpi.FixedLength(mpis[0], HalfSignature) is not { } r || Mpi.FixedLength(mpis[1], HalfSignature) is not { } s)
        {
            return false;
        }

        byte[] signature = [.. r, .. s];
        return Ed25519.Verify(signature, 0, publicKey, 0, digest, 0, digest.Length);
    }
}
