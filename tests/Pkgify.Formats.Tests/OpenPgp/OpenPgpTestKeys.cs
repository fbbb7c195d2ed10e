using Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>
/// The gpg-made keys shared by the OpenPGP tests of this namespace: each kind is generated once, on first use,
/// and deleted (with its gpg-agent) when the namespace's tests are done.
/// </summary>
[SetUpFixture]
public sealed class OpenPgpTestKeys
{
    /// <summary>A signature time after <see cref="GpgTestKeys.KeyCreationTime"/> (2023-11-14).</summary>
    public const long SignatureTime = 1_700_000_000;

    /// <summary>The kinds that can sign, i.e. everything but the certify-only key.</summary>
    public static readonly GpgTestKeyKind[] SigningKinds =
    [
        GpgTestKeyKind.Rsa2048,
        GpgTestKeyKind.Rsa3072,
        GpgTestKeyKind.Rsa4096,
        GpgTestKeyKind.Ed25519,
        GpgTestKeyKind.Rsa3072Passphrase,
        GpgTestKeyKind.Ed25519Passphrase,
        GpgTestKeyKind.SigningSubkey,
    ];

    private static readonly Dictionary<GpgTestKeyKind, GpgTestKey> Keys = [];
    private static readonly Lock KeysLock = new();

    public static GpgTestKey Get(GpgTestKeyKind kind)
    {
        lock (KeysLock)
        {
            if (!Keys.TryGetValue(kind, out var key))
            {
                key = GpgTestKeys.Create(kind);
                Keys[kind] = key;
            }

            return key;
        }
    }

    public static Pkgify.Formats.OpenPgp.OpenPgpSecretKey Load(GpgTestKeyKind kind)
    {
        var key = Get(kind);
        return Pkgify.Formats.OpenPgp.OpenPgpSecretKey.Load(key.SecretKeyPath, key.Passphrase);
    }

    [OneTimeTearDown]
    public void DeleteKeys()
    {
        lock (KeysLock)
        {
            foreach (var key in Keys.Values)
            {
                key.Dispose();
            }

            Keys.Clear();
        }
    }
}
