using System.Text;
using Pkgify.Core.Output;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Publishes Release and its signatures (formats.md §3.4): InRelease (the cleartext-signed Release apt asks for
/// first) and Release.gpg (an armored detached signature; apt 2.6 rejects a binary one). Called after every
/// index is in place, so a client never sees a Release naming files that are not there yet.
/// </summary>
public static class ReleaseWriter
{
    /// <summary>The unsigned Release file name.</summary>
    public const string ReleaseName = "Release";

    /// <summary>The cleartext-signed Release.</summary>
    public const string InReleaseName = "InRelease";

    /// <summary>The detached signature of Release.</summary>
    public const string SignatureName = "Release.gpg";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="releaseText"/> and, with a key, both signatures made at <paramref name="signatureTime"/>
    /// with SHA-512 (apt refuses SHA-1; Sequoia-based apt 3 prefers SHA-512). Without a key, signatures left from
    /// an earlier signed run are removed: apt would prefer a stale InRelease over the new Release.
    /// </summary>
    public static void Write(string distDirectory, string releaseText, OpenPgpSecretKey? key, long signatureTime)
    {
        var release = Utf8.GetBytes(releaseText);
        var inRelease = Path.Combine(distDirectory, InReleaseName);
        var signature = Path.Combine(distDirectory, SignatureName);
        if (key is null)
        {
            File.Delete(inRelease);
            File.Delete(signature);
            AtomicFile.Write(Path.Combine(distDirectory, ReleaseName), (stream, _) => stream.Write(release));
            return;
        }

        // Sign everything before the first rename: the three files change as close together as possible.
        string detached;
        using (var data = new MemoryStream(release, writable: false))
        {
            detached = OpenPgpSigner.SignDetachedArmored(key, data, signatureTime, OpenPgpHash.Sha512);
        }

        var clearSigned = OpenPgpSigner.SignCleartext(key, releaseText, signatureTime, OpenPgpHash.Sha512);
        AtomicFile.Write(Path.Combine(distDirectory, ReleaseName), (stream, _) => stream.Write(release));
        AtomicFile.Write(signature, (stream, _) => stream.Write(Encoding.ASCII.GetBytes(detached)));
        AtomicFile.Write(inRelease, (stream, _) => stream.Write(Utf8.GetBytes(clearSigned)));
    }
}
