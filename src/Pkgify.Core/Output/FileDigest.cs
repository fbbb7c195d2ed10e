using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Pkgify.Core.Output;

/// <summary>The digest of a whole file read through an open handle, by position (the handle's own position is not used).</summary>
public static class FileDigest
{
    private const int BufferSize = 1 << 20;

    public static string Sha256Hex(SafeFileHandle handle)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long offset = 0;
        for (int n; (n = RandomAccess.Read(handle, buffer, offset)) > 0; offset += n)
            sha256.AppendData(buffer, 0, n);
        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }
}
