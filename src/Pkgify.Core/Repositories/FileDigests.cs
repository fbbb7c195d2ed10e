using System.Security.Cryptography;

namespace Pkgify.Core.Repositories;

/// <summary>
/// Size and digests of one file as repository indexes list them: apt's Packages (MD5sum, SHA256, SHA512 of each
/// .deb) and Release (every index), yum's pkgid (SHA-256 of the .rpm) and repomd.xml checksums. Hex is lowercase.
/// </summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="Md5">MD5, still listed because apt-ftparchive and older tools do (never the only hash, formats.md §3.3).</param>
/// <param name="Sha256">SHA-256.</param>
/// <param name="Sha512">SHA-512.</param>
public sealed record FileDigests(long Size, string Md5, string Sha256, string Sha512)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Reads <paramref name="path"/> once, streaming, and hashes it with all three digests.</summary>
    public static FileDigests Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return Of(stream);
    }

    /// <summary>Hashes <paramref name="input"/> from its position to its end.</summary>
    public static FileDigests Of(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha256.AppendData(buffer, 0, read);
            sha512.AppendData(buffer, 0, read);
            size += read;
        }

        return new FileDigests(size, Hex(md5), Hex(sha256), Hex(sha512));
    }

    private static string Hex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());
}
