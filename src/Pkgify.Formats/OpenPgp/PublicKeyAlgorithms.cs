namespace Pkgify.Formats.OpenPgp;

/// <summary>OpenPGP public-key algorithm ids (RFC 4880 §9.1, RFC 6637, RFC 9580 §9.1 for legacy EdDSA).</summary>
internal static class PublicKeyAlgorithms
{
    public const int RsaEncryptOrSign = 1;
    public const int RsaEncryptOnly = 2;
    public const int RsaSignOnly = 3;
    public const int Elgamal = 16;
    public const int Dsa = 17;
    public const int Ecdh = 18;
    public const int Ecdsa = 19;
    public const int ElgamalEncryptOrSign = 20;
    public const int EdDsaLegacy = 22;

    public static bool IsRsa(int id) => id is RsaEncryptOrSign or RsaEncryptOnly or RsaSignOnly;

    /// <summary>Whether keys of this algorithm can make signatures at all (key flags may restrict them further).</summary>
    public static bool CanSign(int id) => id is RsaEncryptOrSign or RsaSignOnly or Dsa or Ecdsa or EdDsaLegacy;

    /// <summary>How many MPIs a signature of this algorithm carries (RFC 4880 §5.2.2, RFC 9580 §5.2.3), or 0 if unknown.</summary>
    public static int SignatureMpiCount(int id) => id switch
    {
        RsaEncryptOrSign or RsaSignOnly => 1,
        Dsa or Ecdsa or EdDsaLegacy => 2,
        _ => 0,
    };

    public static string Name(int id) => id switch
    {
        RsaEncryptOrSign or RsaEncryptOnly or RsaSignOnly => "RSA",
        Elgamal or ElgamalEncryptOrSign => "Elgamal",
        Dsa => "DSA",
        Ecdh => "ECDH",
        Ecdsa => "ECDSA",
        EdDsaLegacy => "EdDSA",
        _ => $"algorithm {id}",
    };
}
