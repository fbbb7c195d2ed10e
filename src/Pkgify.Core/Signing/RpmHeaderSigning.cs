using Pkgify.Formats.OpenPgp;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Signing;

/// <summary>
/// Signing at build time (<c>pack --sign-key</c>): the rpm writer hands over its freshly built signature header
/// and main header, and gets back the signed signature header of the same length, so the package is written
/// signed in one pass instead of being rewritten by <see cref="RpmSigner"/> afterwards.
/// </summary>
/// <param name="Key">The signing key.</param>
public sealed record RpmHeaderSigning(OpenPgpSecretKey Key)
{
    /// <summary>
    /// <paramref name="signatureHeader"/> (as built, without its pad) with the header signature over
    /// <paramref name="mainHeader"/> made at the package's <paramref name="buildTime"/> (raised to the key's
    /// creation time: a signature cannot predate its key).
    /// </summary>
    public byte[] Sign(byte[] signatureHeader, byte[] mainHeader, long buildTime)
    {
        using var input = new MemoryStream(signatureHeader, writable: false);
        var parsed = RpmHeader.Read(input, isSignature: true);
        return RpmHeaderSignature.Sign(parsed, mainHeader, Key, SignatureTime.Resolve(null, buildTime, Key), out _, out var problem)
               ?? throw new InvalidOperationException($"the rpm writer reserved too little signature space: {problem}");
    }
}
