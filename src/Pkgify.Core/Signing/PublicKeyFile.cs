using Pkgify.Core.Errors;
using Pkgify.Core.Output;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Signing;

/// <summary>The public key files users give to apt (<c>signed-by</c>), dnf (<c>gpgkey=</c>) and rpm (<c>rpmkeys --import</c>).</summary>
public static class PublicKeyFile
{
    /// <summary>Far above any real public key ring; keeps a wrong path (a disk image) from being read whole.</summary>
    private const long MaxBytes = 16L << 20;

    private const string ArmoredSuffix = ".asc";

    /// <summary>
    /// Writes the public key of <paramref name="key"/> to <paramref name="path"/> atomically: ASCII-armored when
    /// the name ends in ".asc" (what dnf's gpgkey= and rpmkeys --import read), else the binary key ring
    /// (<c>gpg --export</c>; what apt's signed-by keyrings usually are). Both work with apt (formats.md §3.7).
    /// </summary>
    public static void Export(OpenPgpSecretKey key, string path)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var armored = path.EndsWith(ArmoredSuffix, StringComparison.OrdinalIgnoreCase);
        var bytes = armored ? System.Text.Encoding.ASCII.GetBytes(key.ExportPublicKeyringArmored()) : key.ExportPublicKeyring();
        try
        {
            AtomicFile.Write(path, (stream, _) => stream.Write(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--export-key: cannot write {path}: {e.Message}", e);
        }

        // The key is public and apt reads signed-by keyrings as the unprivileged _apt user (formats.md §3.7).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    /// <summary>The bytes of a public key file (binary or armored) given with <c>--key</c>; a missing or huge file is a <see cref="UsageException"/>.</summary>
    public static byte[] Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxBytes)
            {
                throw new UsageException($"--key {path}: {stream.Length} bytes is too large for a public key file");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--key {path}: cannot be read ({e.Message}): give the exported public key (pkgify ... --export-key FILE)", e);
        }
    }
}
