using System.Text.RegularExpressions;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>Checks a --hash value: pip accepts only its strong algorithms, as hex digests.</summary>
internal static partial class RequirementHash
{
    /// <summary>pip's accepted algorithms and their hex digest lengths (pip: utils/hashes.py STRONG_HASHES).</summary>
    private static readonly Dictionary<string, int> HexLengths = new(StringComparer.Ordinal)
    {
        ["sha256"] = 64,
        ["sha384"] = 96,
        ["sha512"] = 128,
    };

    /// <summary>Returns <paramref name="value"/> ("sha256:hex") if well formed.</summary>
    public static string Validate(string value, string where)
    {
        var colon = value.IndexOf(':');
        var algorithm = colon < 0 ? "" : value[..colon];
        var digest = colon < 0 ? "" : value[(colon + 1)..];
        if (!HexLengths.TryGetValue(algorithm, out var length) || digest.Length != length || !Hex().IsMatch(digest))
            throw new UsageException($"{where}: '--hash={value}' is not a valid hash: write --hash=sha256:<64 hex digits> (pip hash FILE prints it)");
        return value;
    }

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex Hex();
}
