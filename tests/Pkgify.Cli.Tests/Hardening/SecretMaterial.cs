namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// What of a secret key must never appear anywhere: every run of bytes of its binary export that the public
/// export does not contain (the secret key material, encrypted or not), every line of its armored form that the
/// public armor does not have, and the passphrase. No OpenPGP parsing involved, so it holds whatever the key's layout.
/// </summary>
public sealed class SecretMaterial
{
    private const int Window = 16;

    private readonly List<byte[]> _binaryRuns;
    private readonly List<string> _texts;

    public SecretMaterial(byte[] secretBinary, byte[] publicBinary, string secretArmored, string publicArmored, string? passphrase)
    {
        _binaryRuns = Enumerable.Range(0, Math.Max(0, secretBinary.Length - Window))
            .Select(i => secretBinary[i..(i + Window)])
            .Where(run => publicBinary.AsSpan().IndexOf(run) < 0)
            .ToList();
        // Armored lines are 64 base64 characters; one that the public armor lacks is enough to be a leak (the
        // first lines encode the public key packet, which both exports start with).
        var publicLines = publicArmored.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        _texts = secretArmored.Split('\n').Select(l => l.Trim())
            .Where(l => l.Length >= 40 && !l.StartsWith("-----", StringComparison.Ordinal) && !publicLines.Contains(l)).ToList();
        if (!string.IsNullOrEmpty(passphrase))
            _texts.Add(passphrase);
    }

    /// <summary>The bytes of an armored block (RFC 4880 §6.2): the base64 body between the header lines and the checksum.</summary>
    public static byte[] Dearmor(string armored)
    {
        var lines = armored.Replace("\r", "").Split('\n');
        var body = lines.SkipWhile(l => !l.StartsWith("-----BEGIN", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(l => l.Contains(':')).Where(l => l.Length > 0)
            .TakeWhile(l => !l.StartsWith('=') && !l.StartsWith("-----END", StringComparison.Ordinal));
        return Convert.FromBase64String(string.Concat(body));
    }

    /// <summary>Byte runs unique to the secret export (many, since the secret MPIs are long).</summary>
    public int BinaryRuns => _binaryRuns.Count;

    /// <summary>What of the secret appears in <paramref name="bytes"/>; empty when nothing does.</summary>
    public IEnumerable<string> FoundIn(byte[] bytes)
    {
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        foreach (var run in _binaryRuns)
            if (bytes.AsSpan().IndexOf(run) >= 0)
            {
                yield return $"secret key bytes {Convert.ToHexString(run)}";
                yield break;
            }
        foreach (var t in _texts.Where(t => text.Contains(t, StringComparison.Ordinal)))
            yield return $"text '{t[..Math.Min(20, t.Length)]}...'";
    }
}
