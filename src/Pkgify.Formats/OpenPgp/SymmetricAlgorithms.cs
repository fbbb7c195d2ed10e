using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;

namespace Pkgify.Formats.OpenPgp;

/// <summary>Ciphers that may protect a secret key (RFC 4880 §9.2, RFC 5581 Camellia), backed by BouncyCastle engines.</summary>
internal static class SymmetricAlgorithms
{
    public sealed record Cipher(string Name, int KeyBytes, Func<IBlockCipher> CreateEngine);

    private static readonly Dictionary<int, Cipher> ById = new()
    {
        [2] = new("TripleDES", 24, () => new DesEdeEngine()),
        [3] = new("CAST5", 16, () => new Cast5Engine()),
        [4] = new("Blowfish", 16, () => new BlowfishEngine()),
        [7] = new("AES-128", 16, () => new AesEngine()),
        [8] = new("AES-192", 24, () => new AesEngine()),
        [9] = new("AES-256", 32, () => new AesEngine()),
        [10] = new("Twofish", 32, () => new TwofishEngine()),
        [11] = new("Camellia-128", 16, () => new CamelliaEngine()),
        [12] = new("Camellia-192", 24, () => new CamelliaEngine()),
        [13] = new("Camellia-256", 32, () => new CamelliaEngine()),
    };

    public static Cipher? Find(int id) => ById.GetValueOrDefault(id);
}
