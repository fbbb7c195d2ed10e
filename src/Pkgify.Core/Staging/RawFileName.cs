using System.Text;
using Mono.Unix;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Staging;

/// <summary>
/// Shows a file name that is not valid UTF-8 with its real bytes. Linux names are bytes; .NET decodes them with
/// U+FFFD for every invalid sequence, which loses the bytes the user needs to find the file. Mono.Unix keeps
/// them: its UnixEncoding returns an undecodable byte b as U+0000 followed by (char)b, and directory listings
/// come back in that form.
/// </summary>
internal static class RawFileName
{
    private const char MonoEscape = '\0';

    /// <summary>
    /// The entry of <paramref name="directory"/> that .NET listed as <paramref name="decodedName"/> (with U+FFFD),
    /// escaped for a message: valid UTF-8 as text, every other byte as <c>\xNN</c>; null when not found.
    /// </summary>
    public static string? Display(string directory, string decodedName)
    {
        foreach (var entry in new UnixDirectoryInfo(directory).GetFileSystemEntries())
        {
            var raw = Bytes(entry.Name);
            if (Encoding.UTF8.GetString(raw) == decodedName)
                return Escape(raw);
        }
        return null;
    }

    /// <summary>The on-disk bytes of a name in Mono.Unix's escaped form.</summary>
    private static byte[] Bytes(string monoName)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < monoName.Length; i++)
        {
            if (monoName[i] == MonoEscape && i + 1 < monoName.Length)
                bytes.Add((byte)monoName[++i]);
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(monoName[i].ToString()));
        }
        return bytes.ToArray();
    }

    /// <summary>Valid UTF-8 sequences as text (control characters escaped), invalid bytes as \xNN.</summary>
    private static string Escape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder();
        while (!raw.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(raw, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(Printable.Escape(rune.ToString()));
                raw = raw[consumed..];
            }
            else
            {
                text.Append($"\\x{raw[0]:x2}");
                raw = raw[1..];
            }
        }
        return text.ToString();
    }
}
