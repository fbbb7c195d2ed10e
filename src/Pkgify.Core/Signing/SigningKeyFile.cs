using Pkgify.Core.Errors;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Signing;

/// <summary>
/// Loads the secret key named by <c>--sign-key</c>, with its passphrase from <see cref="PassphraseVariable"/>
/// (never from the command line, where other users of the host could read it in the process list).
/// </summary>
public static class SigningKeyFile
{
    /// <summary>The environment variable holding the passphrase of a protected key (the contract's name).</summary>
    public const string PassphraseVariable = "PKGIFY_SIGN_PASSPHRASE";

    /// <summary>
    /// The signing key of <paramref name="path"/>. A wrong passphrase, an unreadable file or a public key where a
    /// secret one is needed is a <see cref="UsageException"/> (exit 2) with one line that names the file and what
    /// to do; callers load the key before writing anything, so a bad key leaves no output behind.
    /// </summary>
    public static OpenPgpSecretKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var passphrase = Environment.GetEnvironmentVariable(PassphraseVariable);
        try
        {
            return OpenPgpSecretKey.Load(path, string.IsNullOrEmpty(passphrase) ? null : passphrase);
        }
        catch (OpenPgpKeyException e)
        {
            throw new UsageException($"--sign-key: {e.Message}{Advice(e.Message)}", e);
        }
    }

    private static string Advice(string message) =>
        message.Contains("passphrase", StringComparison.Ordinal)
            ? $" (set {PassphraseVariable} to the key's passphrase)"
            : message.Contains("public key", StringComparison.Ordinal)
                ? " (export it with gpg --export-secret-keys --armor KEYID)"
                : "";
}
