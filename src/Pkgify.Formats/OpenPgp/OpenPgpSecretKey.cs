namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// One key able to sign, read from a secret key file as <c>gpg --export-secret-keys [--armor]</c> writes it:
/// the primary key when it may sign, otherwise its newest signing subkey. RSA and Ed25519 keys; the secret may be
/// protected with a passphrase (iterated and salted S2K, AES/CAST5/... in CFB mode).
/// </summary>
public sealed class OpenPgpSecretKey
{
    private readonly TransferableKey _key;
    private readonly KeyComponent _signing;
    private readonly byte[] _publicKeyring;

    private OpenPgpSecretKey(TransferableKey key, KeyComponent signing, SigningKeyMaterial material)
    {
        _key = key;
        _signing = signing;
        Material = material;
        _publicKeyring = PublicKeyExport.Export(key);
    }

    /// <summary>Fingerprint of the signing key (a subkey's own when a subkey signs): 40 uppercase hex digits.</summary>
    public string Fingerprint => _signing.Public.FingerprintHex;

    /// <summary>Key ID of the signing key (the low 64 bits of <see cref="Fingerprint"/>).</summary>
    public ulong KeyId => _signing.Public.KeyId;

    /// <summary>"RSA-4096", "Ed25519".</summary>
    public string Algorithm => _signing.Public.Description;

    /// <summary>Fingerprint of the primary key (what users import and trust; equals <see cref="Fingerprint"/> unless a subkey signs).</summary>
    public string PrimaryFingerprint => _key.Primary.Public.FingerprintHex;

    /// <summary>When the signing key was created (seconds since the epoch); signatures may not predate it.</summary>
    public long CreationTime => _signing.Public.CreationTime;

    /// <summary>When the signing key (or its primary) expires, seconds since the epoch; null for never.</summary>
    public long? ExpirationTime =>
        new[] { _signing.ExpirationTime(), _signing.IsPrimary ? null : _key.Primary.ExpirationTime() }
            .Where(t => t is not null).Min();

    internal PublicKeyMaterial PublicKey => _signing.Public;

    internal SigningKeyMaterial Material { get; }

    /// <summary>
    /// Loads the signing key from <paramref name="armoredOrBinaryPath"/>. Problems are an
    /// <see cref="OpenPgpKeyException"/> with a one-line message ("key file X: wrong passphrase", "... is a public
    /// key, a secret key is needed", "... no signing key", "... unreadable: reason").
    /// </summary>
    public static OpenPgpSecretKey Load(string armoredOrBinaryPath, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(armoredOrBinaryPath);
        var name = $"key file {armoredOrBinaryPath}";
        try
        {
            return FromKeyRing(KeyFileReader.ReadPackets(KeyFileReader.ReadFile(armoredOrBinaryPath)), passphrase, name);
        }
        catch (InvalidDataException e)
        {
            throw new OpenPgpKeyException($"{name}: unreadable: {e.Message}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OpenPgpKeyException($"{name}: unreadable: no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpenPgpKeyException($"{name}: unreadable: {e.Message}", e);
        }
    }

    /// <summary>The binary transferable public key (primary, user IDs, self-signatures, subkeys, bindings), as <c>gpg --export</c> writes it.</summary>
    public byte[] ExportPublicKeyring() => (byte[])_publicKeyring.Clone();

    /// <summary>The public key ring ASCII-armored ("-----BEGIN PGP PUBLIC KEY BLOCK-----").</summary>
    public string ExportPublicKeyringArmored() => OpenPgpArmor.Encode(OpenPgpArmor.PublicKeyBlock, _publicKeyring);

    private static OpenPgpSecretKey FromKeyRing(List<OpenPgpPacket> packets, string? passphrase, string name)
    {
        var keys = TransferableKey.ParseRing(packets);
        if (keys.Count == 0)
        {
            throw new InvalidDataException("no OpenPGP key in it");
        }

        if (keys.All(k => !k.IsSecret))
        {
            throw new OpenPgpKeyException($"{name}: is a public key, a secret key is needed");
        }

        if (keys.Count > 1)
        {
            throw new InvalidDataException($"it holds {keys.Count} keys; export only the one to sign with");
        }

        var key = keys[0];
        var signing = SelectSigningKey(key)
                      ?? throw new OpenPgpKeyException($"{name}: no signing key (no RSA or Ed25519 key with the sign capability and its secret part)");
        return new OpenPgpSecretKey(key, signing, Unlock(signing, passphrase, name));
    }

    private static KeyComponent? SelectSigningKey(TransferableKey key)
    {
        // A revoked primary takes its subkeys with it (RFC 4880 §5.2.1, 0x20).
        if (key.Primary.IsRevoked)
        {
            return null;
        }

        // gpg's rule: the primary key when it may sign, otherwise the newest subkey that may.
        var candidates = key.Components
            .Where(c => c.Secret is { HasSecret: true } && c.Public.IsSupportedForSigning && c.MaySign())
            .ToList();
        return candidates.FirstOrDefault(c => c.IsPrimary)
               ?? candidates.Select((c, index) => (c, index))
                   .OrderBy(x => x.c.Public.CreationTime)
                   .ThenBy(x => x.index)
                   .Select(x => x.c)
                   .LastOrDefault();
    }

    private static SigningKeyMaterial Unlock(KeyComponent signing, string? passphrase, string name)
    {
        var secret = signing.Secret!;
        var outcome = secret.Unlock(passphrase, out var secretMpis);
        try
        {
            switch (outcome)
            {
                case SecretKeyPart.Outcome.NeedsPassphrase:
                    throw new OpenPgpKeyException($"{name}: is passphrase-protected, but no passphrase was given");
                case SecretKeyPart.Outcome.WrongPassphrase:
                    throw WrongPassphrase(name);
                case SecretKeyPart.Outcome.Damaged:
                    throw new InvalidDataException("the secret key checksum does not match");
            }

            SigningKeyMaterial? material;
            try
            {
                material = SigningKeyMaterial.Create(signing.Public, secretMpis);
            }
            catch (InvalidDataException) when (secret.IsProtected)
            {
                // A wrong passphrase can pass the 16-bit checksum of S2K usage 255 and decrypt to garbage MPIs.
                throw WrongPassphrase(name);
            }

            return material ?? (secret.IsProtected
                ? throw WrongPassphrase(name)
                : throw new InvalidDataException("the secret part does not belong to the public key"));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secretMpis);
        }
    }

    private static OpenPgpKeyException WrongPassphrase(string name) => new($"{name}: wrong passphrase");
}
