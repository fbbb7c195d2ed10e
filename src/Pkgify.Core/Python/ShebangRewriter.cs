using System.Text;
using System.Text.RegularExpressions;

namespace Pkgify.Core.Python;

/// <summary>
/// Points the scripts pip wrote into bin/ at the install location's interpreter. pip (through
/// distlib's ScriptMaker._build_shebang) writes one of two headers:
/// <code>
/// #!/build/venv/bin/python
/// </code>
/// or, when that line would exceed 127 bytes (the kernel's historical shebang limit) or the path
/// has a space, a header that /bin/sh runs and Python reads as a string literal:
/// <code>
/// #!/bin/sh
/// '''exec' /build/venv/bin/python "$0" "$@"
/// ' '''
/// </code>
/// (the path in double quotes when it has spaces). Either becomes the form distlib would pick for
/// the target path, which for /opt/NAME/venv is the plain one.
/// </summary>
internal sealed partial class ShebangRewriter(PrefixRewriter prefix, string target)
{
    /// <summary>distlib's limit on Linux: "#!" + interpreter + options + "\n" at most this many bytes.</summary>
    private const int MaxShebangBytes = 127;

    /// <summary>The header is looked for in this many first bytes; the rest of the script is streamed.</summary>
    private const int HeaderLimit = 8192;

    private const string PlainStart = "#!";
    private const string ExecLine1 = "#!/bin/sh\n";
    private const string ExecLine2Start = "'''exec' ";
    private const string ExecArguments = " \"$0\" \"$@\"";
    private const string ExecLine3 = "' '''";
    private const int ExecHeaderLines = 3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Rewrites <paramref name="file"/> if its header names the build path; returns its new digest or null.</summary>
    public RecordDigest? Rewrite(string file)
    {
        var head = new byte[HeaderLimit];
        int length;
        using (var input = File.OpenRead(file))
        {
            length = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var header = Parse(head.AsSpan(0, length));
        if (header is null || !prefix.IsPrefixOf(header.Value.Interpreter)) return null;

        var replacement = StrictUtf8.GetBytes(Build(TargetInterpreter(header.Value.Interpreter), header.Value.Options));
        return FileReplacer.Replace(file, output =>
        {
            output.Write(replacement);
            using var input = File.OpenRead(file);
            input.Position = header.Value.Length;
            input.CopyTo(output);
        });
    }

    /// <summary>The header of a script: interpreter, what follows it, and how many bytes it spans.</summary>
    internal readonly record struct Header(string Interpreter, string Options, int Length);

    /// <summary>Reads either header form from the start of a file; null if it has neither.</summary>
    internal static Header? Parse(ReadOnlySpan<byte> head)
    {
        // Only the first three lines can be header: decoding stops there so that a multi-byte
        // character cut at the end of the buffer is not mistaken for bad UTF-8.
        var lines = 0;
        var decoded = 0;
        for (var i = 0; i < head.Length && lines < ExecHeaderLines; i++)
        {
            if (head[i] == '\n') { lines++; decoded = i + 1; }
        }
        string text;
        try { text = StrictUtf8.GetString(head[..decoded]); }
        catch (DecoderFallbackException) { return null; }
        if (text.StartsWith(ExecLine1 + ExecLine2Start, StringComparison.Ordinal)) return ParseExecForm(text);
        if (!text.StartsWith(PlainStart, StringComparison.Ordinal)) return null;
        var newline = text.IndexOf('\n');
        if (newline < 0) return null;
        var line = text[PlainStart.Length..newline].TrimStart(' ', '\t');
        var space = line.IndexOfAny([' ', '\t']);
        var interpreter = space < 0 ? line : line[..space];
        var options = space < 0 ? "" : line[space..];
        return new Header(interpreter, options, ByteLength(text[..(newline + 1)]));
    }

    private static Header? ParseExecForm(string text)
    {
        var line2Start = ExecLine1.Length + ExecLine2Start.Length;
        var line2End = text.IndexOf('\n', line2Start);
        if (line2End < 0 || string.CompareOrdinal(text, line2End + 1, ExecLine3, 0, ExecLine3.Length) != 0) return null;
        var command = text[line2Start..line2End];
        if (!command.EndsWith(ExecArguments, StringComparison.Ordinal)) return null;
        command = command[..^ExecArguments.Length];
        string interpreter, options;
        if (command.StartsWith('"'))
        {
            var close = command.IndexOf('"', 1);
            if (close < 0) return null;
            (interpreter, options) = (command[1..close], command[(close + 1)..]);
        }
        else
        {
            var space = command.IndexOf(' ');
            (interpreter, options) = space < 0 ? (command, "") : (command[..space], command[space..]);
        }
        var end = line2End + 1 + ExecLine3.Length;
        if (end < text.Length && text[end] == '\n') end++;
        return new Header(interpreter, options, ByteLength(text[..end]));
    }

    /// <summary>
    /// The target's interpreter: bin/python, bin/python3 and bin/python3.X all become bin/python
    /// (the contract promises that shebang; the three are links to one interpreter).
    /// </summary>
    private string TargetInterpreter(string interpreter)
    {
        var relative = interpreter[prefix.From.Length..];
        return target + (VenvPython().IsMatch(relative) ? "/bin/python" : relative);
    }

    /// <summary>The header distlib would write for <paramref name="interpreter"/> (same rule, same text).</summary>
    internal static string Build(string interpreter, string options)
    {
        var plain = PlainStart + interpreter + options + "\n";
        if (!interpreter.Contains(' ') && ByteLength(plain) <= MaxShebangBytes) return plain;
        var quoted = interpreter.Contains(' ') ? $"\"{interpreter}\"" : interpreter;
        return ExecLine1 + ExecLine2Start + quoted + options + ExecArguments + "\n" + ExecLine3 + "\n";
    }

    private static int ByteLength(string text) => StrictUtf8.GetByteCount(text);

    [GeneratedRegex(@"^/bin/python(\d+(\.\d+)?)?$")]
    private static partial Regex VenvPython();
}
