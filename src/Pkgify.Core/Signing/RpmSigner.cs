using System.Security.Cryptography;
using Pkgify.Core.Errors;
using Pkgify.Core.Output;
using Pkgify.Core.Validation;
using Pkgify.Formats.OpenPgp;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Signing;

/// <summary>
/// <c>pkgify sign FILE.rpm</c>: adds (or replaces) the OpenPGP header signature of an existing package in place.
/// Only the signature header changes, and it keeps its length, so the payload is copied unchanged at the same
/// offset (formats.md §2.4, §2.11); the new file replaces the old one by rename, so a reader never sees it half
/// written.
/// </summary>
public static class RpmSigner
{
    private const int CopyBufferSize = 1 << 16;

    /// <summary>
    /// Signs <paramref name="path"/> with <paramref name="key"/> at <paramref name="creationTime"/>. A damaged
    /// package, one whose header digest does not match, or one without room for the signature is a
    /// <see cref="BuildException"/> naming the file; the file is then untouched.
    /// </summary>
    public static RpmSignResult SignInPlace(string path, OpenPgpSecretKey key, long creationTime)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            return SignFile(path, key, creationTime);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new BuildException($"{path}: damaged package: {Printable.Escape(e.Message)}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{path}: no such file: give the path of an .rpm package", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException($"{path}: cannot be signed: {Printable.Escape(e.Message)}", e);
        }
    }

    private static RpmSignResult SignFile(string path, OpenPgpSecretKey key, long creationTime)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize);
        var package = RpmPackageReader.Open(input);
        CheckHeaderDigest(path, package);
        var signature = RpmHeaderSignature.Sign(package.Signature, package.Header.RawBytes, key, creationTime, out var tag, out var problem)
                        ?? throw new BuildException($"{path}: cannot be signed in place: {problem}");
        var result = new RpmSignResult(path, Changed: true, tag, key.KeyId.ToString("X16"));
        if (signature.AsSpan().SequenceEqual(package.Signature.RawBytes))
        {
            return result with { Changed = false };
        }

        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);
        var headerStart = RpmLead.Size + package.Signature.RawBytes.Length + RpmSignatureHeader.PaddingFor(package.Signature.RawBytes.Length);
        AtomicFile.Write(path, (output, _) =>
        {
            var lead = new byte[RpmLead.Size];
            input.Position = 0;
            input.ReadExactly(lead);
            output.Write(lead);
            output.Write(signature);
            output.Write(new byte[RpmSignatureHeader.PaddingFor(signature.Length)]);
            input.Position = headerStart;
            input.CopyTo(output, CopyBufferSize);
            if (!OperatingSystem.IsWindows())
            {
                // The signed package replaces the old one; it keeps the old one's permissions.
                File.SetUnixFileMode(output.SafeFileHandle, mode);
            }
        });
        return result;
    }

    /// <summary>Refuses to sign a header whose recorded SHA-256 (273) does not match it: the signature would vouch for damage.</summary>
    private static void CheckHeaderDigest(string path, RpmPackage package)
    {
        if (package.Signature.GetString(RpmTags.SigSha256) is { } recorded
            && !recorded.Equals(Convert.ToHexStringLower(SHA256.HashData(package.Header.RawBytes)), StringComparison.OrdinalIgnoreCase))
        {
            throw new BuildException($"{path}: damaged package: the main header does not match its SHA256 digest (tag 273); it is not signed");
        }
    }
}
