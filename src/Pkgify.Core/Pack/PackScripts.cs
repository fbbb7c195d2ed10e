using System.Collections.Immutable;
using System.Text;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Pack;

/// <summary>
/// Maintainer scripts given to <c>pkgify pack</c> as files (<c>--before-install</c>... as fpm names them), one text
/// for both families. Each family calls it with its own arguments: dpkg passes an action in <c>$1</c>
/// (<c>install</c>, <c>configure</c>, <c>upgrade</c>, <c>remove</c>, <c>purge</c>...), rpm the number of
/// instances left after the operation (1 install, 2 upgrade, 0 erase).
/// </summary>
public static class PackScripts
{
    /// <summary>A maintainer script is a short program; anything bigger is almost surely the wrong file.</summary>
    private const long MaxScriptBytes = 1 << 20;
    private const string Shebang = "#!";
    private const string DefaultInterpreter = "/bin/sh";
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The option that sets each phase, for messages.</summary>
    public static string OptionFor(ScriptPhase phase) => phase switch
    {
        ScriptPhase.PreInstall => "--before-install",
        ScriptPhase.PostInstall => "--after-install",
        ScriptPhase.PreRemove => "--before-remove",
        _ => "--after-remove",
    };

    /// <summary>
    /// Reads the script files and returns them for <paramref name="family"/>. The interpreter comes from the
    /// script's <c>#!</c> line (rpm's PREINPROG...; /bin/sh without one). dpkg executes the script itself, so a
    /// script without a <c>#!</c> line gets <c>#!/bin/sh</c> in the .deb; rpm runs the interpreter on the text.
    /// </summary>
    /// <exception cref="UsageException">A file is missing, too large, not UTF-8 text or contains NUL.</exception>
    public static MaintainerScripts Load(IReadOnlyDictionary<ScriptPhase, string> files, PackageFamily family)
    {
        var scripts = MaintainerScripts.Empty;
        foreach (var (phase, path) in files.OrderBy(p => p.Key))
        {
            var text = Read(path, OptionFor(phase));
            var interpreter = InterpreterOf(text);
            var body = family == PackageFamily.Deb && !text.StartsWith(Shebang, StringComparison.Ordinal)
                ? $"{Shebang}{DefaultInterpreter}\n{text}"
                : text;
            scripts = scripts.With(phase, new MaintainerScript(body, interpreter));
        }
        return scripts;
    }

    private static string InterpreterOf(string text)
    {
        if (!text.StartsWith(Shebang, StringComparison.Ordinal))
            return DefaultInterpreter;
        var end = text.IndexOf('\n');
        var line = (end < 0 ? text[Shebang.Length..] : text[Shebang.Length..end]).Trim();
        return line.Length > 0 ? line : DefaultInterpreter;
    }

    private static string Read(string path, string option)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxScriptBytes)
                throw new UsageException($"{option} '{Printable.Escape(path)}': {info.Length} bytes is too large for a maintainer script (at most {MaxScriptBytes})");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{Printable.Escape(path)}': cannot be read ({e.Message}): give the path of a script file");
        }
        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (text.Contains('\0'))
                throw new UsageException($"{option} '{Printable.Escape(path)}': contains a NUL byte: give a text script");
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"{option} '{Printable.Escape(path)}': is not UTF-8 text: give a text script");
        }
    }
}
