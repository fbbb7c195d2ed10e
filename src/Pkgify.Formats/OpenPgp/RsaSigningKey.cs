using System.Numerics;
using System.Security.Cryptography;

namespace Pkgify.Formats.OpenPgp;

/// <summary>RSA signing with EMSA-PKCS1-v1_5 (RFC 4880 §5.2.2), deterministic by construction.</summary>
internal sealed class RsaSigningKey : SigningKeyMaterial
{
    private readonly RSA _rsa;
    private readonly Lock _lock = new();

    private RsaSigningKey(RSA rsa) => _rsa = rsa;

    public static RsaSigningKey? Create(byte[] modulus, byte[] exponent, ReadOnlySpan<byte> d, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q)
    {
        var n = ToInteger(modulus);
        var pInt = ToInteger(p);
        var qInt = ToInteger(q);
        var dInt = ToInteger(d);
        if (pInt <= BigInteger.One || qInt <= BigInteger.One || pInt * qInt != n)
        {
            return null;
        }

        // .NET wants the CRT form. OpenPGP stores u = p^-1 mod q; .NET's InverseQ is q^-1 mod p, which for prime p
        // is q^(p-2) mod p (Fermat).
        var half = (modulus.Length + 1) / 2;
        var parameters = new RSAParameters
        {
            Modulus = modulus,
            Exponent = exponent,
            D = Mpi.FixedLength(d, modulus.Length),
            P = Mpi.FixedLength(p, half),
            Q = Mpi.FixedLength(q, half),
            DP = FromInteger(dInt % (pInt - 1), half),
            DQ = FromInteger(dInt % (qInt - 1), half),
            InverseQ = FromInteger(BigInteger.ModPow(qInt, pInt - 2, pInt), half),
        };
        if (parameters.D is null || parameters.P is null || parameters.Q is null)
        {
            throw new InvalidDataException("RSA key has unbalanced primes, which .NET cannot load");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            return null;
        }

        return new RsaSigningKey(rsa);
    }

    public override IReadOnlyList<byte[]> Sign(byte[] digest, int hashAlgorithm)
    {
        var name = HashAlgorithms.BclName(hashAlgorithm) ?? throw new ArgumentOutOfRangeException(nameof(hashAlgorithm));
        lock (_lock)
        {
            return [_rsa.SignHash(digest, name, RSASignaturePadding.Pkcs1)];
        }
    }

    /// <summary>Checks an RSA signature MPI over <paramref name="digest"/> against the public key (n, e).</summary>
    public static bool Verify(byte[] modulus, byte[] exponent, IReadOnlyList<byte[]> mpis, byte[] digest, int hashAlgorithm)
    {
        // The MPI drops leading zero octets of m^d mod n; PKCS#1 wants it back at the modulus length.
        if (mpis.Count != 1 || Mpi.FixedLength(mpis[0], modulus.Length) is not { } signature
            || HashAlgorithms.BclName(hashAlgorithm) is not { } name)
        {
            return false;
        }

        try
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
            return rsa.VerifyHash(digest, signature, name, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            // A key ring may name a key whose numbers are no RSA key at all (zero exponent, tiny modulus).
            return false;
        }
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> value) => new(value, isUnsigned: true, isBigEndian: true);

    private static byte[] FromInteger(BigInteger value, int length) =>
        Mpi.FixedLength(value.ToByteArray(isUnsigned: true, isBigEndian: true), length)
        ?? throw new InvalidDataException("RSA CRT value does not fit the key size");
}
