using System.Security.Cryptography;
using Pkgify.Core.Validation;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Reading;

/// <summary>
/// <c>pkgify verify</c> for an .rpm: recomputes every digest and size the package declares (formats.md §2.5)
/// in one streaming read — header SHA256/SHA1, MD5 and SIZE over header + payload, PAYLOADDIGEST over the
/// stored payload, PAYLOADDIGESTALT and PAYLOADSIZE over the cpio stream, and each file's FILEDIGESTS and size
/// against its content in the payload — and checks that payload and header list the same files.
/// </summary>
internal static class RpmVerifier
{
    /// <summary>The problems found, most specific first: header digests, then files, then payload-wide values.</summary>
    public static IReadOnlyList<string> Check(Stream input)
    {
        var package = RpmPackageReader.Open(input);
        var sig = package.Signature;
        var header = package.Header;
        var headerProblems = new List<string>();
        CheckHex(headerProblems, "header SHA256 (signature tag 273)", sig.GetString(RpmTags.SigSha256), SHA256.HashData(header.RawBytes));
        CheckHex(headerProblems, "header SHA1 (signature tag 269)", sig.GetString(RpmTags.SigSha1), SHA1.HashData(header.RawBytes));
        if (!sig.Has(RpmTags.SigSha256) && !sig.Has(RpmTags.SigSha1) && !sig.Has(RpmTags.SigMd5))
            headerProblems.Add("no digest covers the header (SHA256, SHA1 and MD5 all missing)");

        var files = RpmHeaderFiles.Read(header);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(header.RawBytes);
        using var payloadHash = IncrementalHash.CreateHash(RpmDigestAlgorithms.For(header.GetInteger(RpmTags.PayloadDigestAlgo) ?? 8));
        using var archiveHash = IncrementalHash.CreateHash(RpmDigestAlgorithms.For(header.GetInteger(RpmTags.PayloadDigestAlgo) ?? 8));

        var stored = new MeasuringReadStream(input, md5, payloadHash);
        List<string> fileProblems;
        long archiveLength;
        using (var decoded = RpmPayloadDecoder.Open(stored, header))
        {
            var archive = new MeasuringReadStream(decoded, archiveHash);
            fileProblems = RpmPayloadCheck.Check(archive, files, RpmDigestAlgorithms.For(header.GetInteger(RpmTags.FileDigestAlgo)));
            // Whatever follows the cpio trailer is still part of the payload the digests cover.
            archive.CopyTo(Stream.Null);
            archiveLength = archive.BytesRead;
        }
        stored.CopyTo(Stream.Null);

        var payloadProblems = new List<string>();
        CheckSize(payloadProblems, "uncompressed payload size", sig, RpmTags.SigPayloadSize, RpmTags.SigLongArchiveSize, archiveLength);
        CheckHexList(payloadProblems, "uncompressed payload digest (PAYLOADDIGESTALT)", header.GetStringArray(RpmTags.PayloadDigestAlt), archiveHash.GetHashAndReset());
        CheckHexList(payloadProblems, "payload digest (PAYLOADDIGEST)", header.GetStringArray(RpmTags.PayloadDigest), payloadHash.GetHashAndReset());
        CheckSize(payloadProblems, "header + payload size", sig, RpmTags.SigSize, RpmTags.SigLongSize, header.RawBytes.Length + stored.BytesRead);
        if (sig.GetBin(RpmTags.SigMd5) is { } declaredMd5)
        {
            var actual = md5.GetHashAndReset();
            if (!declaredMd5.AsSpan().SequenceEqual(actual))
                payloadProblems.Add($"MD5 of header + payload (signature tag 1004) is {Convert.ToHexStringLower(actual)}, the package says {Convert.ToHexStringLower(declaredMd5)}");
        }
        if (!header.Has(RpmTags.PayloadDigest) && !sig.Has(RpmTags.SigMd5))
            payloadProblems.Add("no digest covers the payload (PAYLOADDIGEST and MD5 both missing)");
        return [.. headerProblems, .. fileProblems, .. payloadProblems];
    }

    private static void CheckHex(List<string> problems, string what, string? declared, byte[] actual)
    {
        if (declared is not null && !string.Equals(declared, Convert.ToHexStringLower(actual), StringComparison.OrdinalIgnoreCase))
            problems.Add($"{what} is {Convert.ToHexStringLower(actual)}, the package says {Printable.Escape(declared)}"); // damaged: any bytes
    }

    private static void CheckHexList(List<string> problems, string what, IReadOnlyList<string> declared, byte[] actual)
    {
        if (declared.Count > 0)
            CheckHex(problems, what, declared[0], actual);
    }

    /// <summary>Compares the 64-bit form when present (rpm writes it instead of the 32-bit one over 4 GiB) and names the tag read.</summary>
    private static void CheckSize(List<string> problems, string what, RpmHeader sig, int tag32, int tag64, long actual)
    {
        var tag = sig.Has(tag64) ? tag64 : tag32;
        long? declared = sig.GetInteger(tag);
        if (declared is not null && declared != actual)
            problems.Add($"{what} (signature tag {tag}) is {actual} bytes, the package says {declared}");
    }
}
