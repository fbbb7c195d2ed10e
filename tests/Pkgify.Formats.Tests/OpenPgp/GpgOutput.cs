using System.Text.RegularExpressions;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>Reads what gpg --list-packets and --status-fd print about a signature.</summary>
internal static partial class GpgOutput
{
    /// <summary>The layout facts of the one signature packet in a <c>gpg --list-packets</c> listing.</summary>
    public sealed record SignatureLayout(
        int Version, int SignatureClass, int PublicKeyAlgorithm, int DigestAlgorithm, long Created,
        string IssuerKeyId, int[] Hashed, int[] Unhashed, int DataMpis)
    {
        /// <summary>The same layout without the creation time and issuer, to compare packets of different signers/times.</summary>
        public string Shape => $"v{Version} class {SignatureClass:X2} pk {PublicKeyAlgorithm} digest {DigestAlgorithm} "
                               + $"hashed [{string.Join(",", Hashed)}] unhashed [{string.Join(",", Unhashed)}] mpis {DataMpis}";
    }

    public static SignatureLayout ParseSignature(string listing)
    {
        (listing.Split('\n').Count(l => l.StartsWith(":signature packet:", StringComparison.Ordinal))).ShouldBe(1, listing);
        var head = SignatureHead().Match(listing);
        var version = VersionLine().Match(listing);
        var digest = DigestLine().Match(listing);
        head.Success.ShouldBeTrue(listing);
        version.Success.ShouldBeTrue(listing);
        digest.Success.ShouldBeTrue(listing);
        return new SignatureLayout(
            int.Parse(version.Groups[1].Value),
            Convert.ToInt32(version.Groups[3].Value, 16),
            int.Parse(head.Groups[1].Value),
            int.Parse(digest.Groups[1].Value),
            long.Parse(version.Groups[2].Value),
            head.Groups[2].Value,
            [.. HashedSubpacket().Matches(listing).Select(m => int.Parse(m.Groups[1].Value))],
            [.. UnhashedSubpacket().Matches(listing).Select(m => int.Parse(m.Groups[1].Value))],
            DataLine().Matches(listing).Count);
    }

    /// <summary>The fields of the <c>[GNUPG:] VALIDSIG</c> status line (signing fpr, date, timestamp, ..., primary fpr), or null.</summary>
    public static string[]? ValidSig(string status) =>
        status.Split('\n')
            .FirstOrDefault(l => l.StartsWith("[GNUPG:] VALIDSIG ", StringComparison.Ordinal))
            ?.Split(' ')[2..];

    [GeneratedRegex(@":signature packet: algo (\d+), keyid ([0-9A-F]{16})")]
    private static partial Regex SignatureHead();

    [GeneratedRegex(@"\n\tversion (\d+), created (\d+), md5len 0, sigclass 0x([0-9a-f]{2})")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"\n\tdigest algo (\d+), begin of digest")]
    private static partial Regex DigestLine();

    [GeneratedRegex(@"\n\thashed subpkt (\d+) len")]
    private static partial Regex HashedSubpacket();

    [GeneratedRegex(@"\n\tsubpkt (\d+) len")]
    private static partial Regex UnhashedSubpacket();

    [GeneratedRegex(@"\n\tdata: \[\d+ bits\]")]
    private static partial Regex DataLine();
}
