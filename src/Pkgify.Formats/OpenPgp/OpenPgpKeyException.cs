namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// A secret key file cannot be used for signing. The message is one line naming the file and the reason
/// ("key file X: wrong passphrase"); it never contains key material or the passphrase.
/// </summary>
public sealed class OpenPgpKeyException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public OpenPgpKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the underlying cause.</summary>
    public OpenPgpKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
