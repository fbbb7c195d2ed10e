namespace Pkgify.Core.Signing;

/// <summary>What <see cref="RpmSigner.SignInPlace"/> did to one package.</summary>
/// <param name="Path">The package file.</param>
/// <param name="Changed">False when the package already carried exactly this signature (the file was left alone).</param>
/// <param name="Tag">The signature tag written: 268 (RSA) or 267 (EdDSA).</param>
/// <param name="KeyId">The signing key's ID, 16 uppercase hex digits.</param>
public sealed record RpmSignResult(string Path, bool Changed, int Tag, string KeyId);
