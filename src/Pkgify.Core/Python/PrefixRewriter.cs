using System.Text;

namespace Pkgify.Core.Python;

/// <summary>
/// Replaces a directory path by another inside bytes, only where the match ends a path
/// component: with build path /b/venv, "/b/venv/bin" and "/b/venv\"" change but "/b/venv2" does
/// not. Works on bytes because Linux paths are bytes (UTF-8 by convention) and a text decode and
/// re-encode could change unrelated bytes of the file.
/// </summary>
internal sealed class PrefixRewriter
{
    private readonly byte[] _from;
    private readonly byte[] _to;

    /// <summary>Rewrites <paramref name="from"/> (a directory without trailing '/') to <paramref name="to"/>.</summary>
    public PrefixRewriter(string from, string to)
    {
        From = from;
        _from = Encoding.UTF8.GetBytes(from);
        _to = Encoding.UTF8.GetBytes(to);
    }

    /// <summary>The path being replaced.</summary>
    public string From { get; }

    /// <summary>The rewritten content, or null when <paramref name="content"/> does not name the path.</summary>
    public byte[]? Rewrite(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        var copiedUpTo = 0;
        var searchFrom = 0;
        var changed = false;
        while (searchFrom <= content.Length - _from.Length)
        {
            var found = content[searchFrom..].IndexOf(_from);
            if (found < 0) break;
            var at = searchFrom + found;
            var end = at + _from.Length;
            searchFrom = at + 1;
            if (end < content.Length && ContinuesName(content[end])) continue;
            output.Write(content[copiedUpTo..at]);
            output.Write(_to);
            copiedUpTo = end;
            searchFrom = end;
            changed = true;
        }
        if (!changed) return null;
        output.Write(content[copiedUpTo..]);
        return output.ToArray();
    }

    /// <summary>True when <paramref name="text"/> starts with the path as a whole component.</summary>
    public bool IsPrefixOf(string text) =>
        text.StartsWith(From, StringComparison.Ordinal) && (text.Length == From.Length || text[From.Length] == '/');

    /// <summary>A byte that would make the match only the start of a longer file name.</summary>
    private static bool ContinuesName(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'_' or (byte)'-' or (byte)'+' or (byte)'~' or (byte)'@' || b >= 0x80;
}
