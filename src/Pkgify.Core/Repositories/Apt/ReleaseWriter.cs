using System.Text;
using Pkgify.Core.Output;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Publishes Release and its signatures (formats.md §3.4): InRelease (the cleartext-signed Release apt asks for
/// first) and Release.gpg (an armored detached signature; apt 2.6 rejects a binary one), together with the
/// indexes they list.
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
    /// Publishes <paramref name="releaseText"/> and, with a key, both signatures made at <paramref name="signatureTime"/>
    /// with SHA-512 (apt refuses SHA-1; Sequoia-based apt 3 prefers SHA-512). Without a key, signatures left from
    /// an earlier signed run are removed: apt would prefer a stale InRelease over the new Release.
    /// Everything is written and signed first; then <paramref name="indexes"/> and the Release files are renamed
    /// into place back to back, InRelease (what apt fetches first) last, so a run killed at any earlier point
    /// leaves the previous, consistent set of files.
    /// </summary>
    public static void Publish(string distDirectory, string releaseText, OpenPgpSecretKey? key, long signatureTime,
        IReadOnlyList<PendingFile> indexes)
    {
        var release = Utf8.GetBytes(releaseText);
        var inRelease = Path.Combine(distDirectory, InReleaseName);
        var signature = Path.Combine(distDirectory, SignatureName);
        var files = new List<PendingFile>();
        try
        {
            files.Add(AtomicFile.Prepare(Path.Combine(distDirectory, ReleaseName), (stream, _) => stream.Write(release)));
            if (key is not null)
            {
                string detached;
                using (var data = new MemoryStream(release, writable: false))
                {
                    detached = OpenPgpSigner.SignDetachedArmored(key, data, signatureTime, OpenPgpHash.Sha512);
                }

                var clearSigned = OpenPgpSigner.SignCleartext(key, releaseText, signatureTime, OpenPgpHash.Sha512);
                files.Add(AtomicFile.Prepare(signature, (stream, _) => stream.Write(Encoding.ASCII.GetBytes(detached))));
                files.Add(AtomicFile.Prepare(inRelease, (stream, _) => stream.Write(Utf8.GetBytes(clearSigned))));
            }

            foreach (var index in indexes)
            {
                index.Commit();
            }

            if (key is null)
            {
                File.Delete(inRelease);
                File.Delete(signature);
            }

            foreach (var file in files)
            {
                file.Commit();
            }
        }
        finally
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }
    }
}
