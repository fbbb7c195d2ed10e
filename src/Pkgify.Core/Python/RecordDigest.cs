using System.Security.Cryptography;

namespace Pkgify.Core.Python;

/// <summary>A RECORD row's hash and size columns for one file.</summary>
/// <param name="Hash">"sha256=" and the URL-safe base64 digest without '=' padding (PEP 376, PEP 627).</param>
/// <param name="Size">The file size in bytes.</param>
internal sealed record RecordDigest(string Hash, long Size)
{
    private const string Algorithm = "sha256=";

    /// <summary>The digest of <paramref name="file"/>, read as a stream.</summary>
    public static RecordDigest Of(string file)
    {
        using var stream = File.OpenRead(file);
        var digest = SHA256.HashData(stream);
        return new RecordDigest(Algorithm + Encode(digest), stream.Length);
    }

    /// <summary>URL-safe base64 ('-' and '_' for '+' and '/') without trailing '=' (PEP 376 RECORD).</summary>
    public static string Encode(ReadOnlySpan<byte> digest) =>
        Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
