using Pkgify.Core.Errors;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Signing;

/// <summary>Checks one detached OpenPGP signature against a public key file's bytes (for every <c>verify --key</c> path).</summary>
public static class SignatureCheck
{
    /// <summary>
    /// Null when <paramref name="signature"/> is a good signature over <paramref name="data"/> by a key of
    /// <paramref name="publicKeyring"/>, else why not (named after <paramref name="what"/>). A key file that is not
    /// an OpenPGP key is a <see cref="UsageException"/>: that is the user's mistake, not the package's.
    /// </summary>
    public static string? Problem(string what, byte[] publicKeyring, Stream data, ReadOnlySpan<byte> signature)
    {
        OpenPgpSignatureInfo info;
        try
        {
            info = OpenPgpSignatureReader.Read(signature);
        }
        catch (InvalidDataException e)
        {
            return $"{what}: the signature is damaged: {e.Message}";
        }

        try
        {
            return OpenPgpVerifier.Verify(publicKeyring, data, signature)
                ? null
                : $"{what}: the signature by key {Issuer(info)} does not verify with the given public key";
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("signature", StringComparison.Ordinal))
        {
            return $"{what}: the signature cannot be checked: {e.Message}";
        }
        catch (InvalidDataException e)
        {
            // The signature parsed above, so what failed to parse is the key ring: the user's mistake.
            throw new UsageException($"--key: not an OpenPGP public key: {e.Message}: give the file written by --export-key", e);
        }
    }

    /// <summary>"ID 0123456789ABCDEF" or the fingerprint, whichever the signature names.</summary>
    public static string Issuer(OpenPgpSignatureInfo info) =>
        info.IssuerFingerprint ?? (info.IssuerKeyId is { } id ? id.ToString("X16") : "(unnamed)");
}
