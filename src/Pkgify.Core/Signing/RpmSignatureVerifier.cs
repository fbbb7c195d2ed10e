using Pkgify.Core.Errors;
using Pkgify.Core.Validation;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Signing;

/// <summary>
/// <c>pkgify verify FILE.rpm --key PUB</c>: the header signature (tag 268 or 267) must verify with the given key
/// over the main header as stored (formats.md §2.11). Digests and sizes are <see cref="Reading.PackageFiles.Verify"/>'s job.
/// </summary>
public static class RpmSignatureVerifier
{
    /// <summary>The problems with the signature of <paramref name="path"/> (empty when it is good).</summary>
    public static IReadOnlyList<string> Check(string path, byte[] publicKeyring)
    {
        RpmPackage package;
        try
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            package = RpmPackageReader.Open(input);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new BuildException($"{path}: damaged package: {Printable.Escape(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot be opened ({e.Message}): give the path of an .rpm file", e);
        }

        var signatures = new[] { RpmTags.SigRsa, RpmTags.SigDsa }
            .Select(tag => (Tag: tag, Packet: package.Signature.GetBin(tag)))
            .Where(s => s.Packet is not null)
            .ToList();
        if (signatures.Count == 0)
        {
            return ["not signed: the signature header has no OpenPGP header signature (tag 268 or 267); sign it with pkgify sign"];
        }

        var problems = new List<string>();
        foreach (var (tag, packet) in signatures)
        {
            using var header = new MemoryStream(package.Header.RawBytes, writable: false);
            if (SignatureCheck.Problem($"header signature (tag {tag})", publicKeyring, header, packet) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }
}
