using System.Text;
using System.Text.RegularExpressions;

namespace Pkgify.Core.Python;

/// <summary>A logical line of a requirements file: continuations joined, comment removed.</summary>
internal sealed record RequirementLine(int Number, string Text);

/// <summary>
/// Splits a requirements file into logical lines the way pip reads it (pip's req_file module):
/// a line ending in a backslash continues on the next one; a comment starts at a '#' at the start
/// of a line or after whitespace (so a URL fragment or "sha256:…#" is not one), and a comment line
/// ends a continuation; blank results are dropped.
/// </summary>
internal static partial class RequirementLines
{
    /// <summary>A requirements file this big is a mistake (a wheel or a log named by accident).</summary>
    private const long MaxBytes = 16L << 20;

    /// <summary>The logical lines of <paramref name="file"/>, numbered by the line each starts on.</summary>
    public static IEnumerable<RequirementLine> Read(string file, string shownName)
    {
        if (new FileInfo(file).Length > MaxBytes)
            throw new Errors.UsageException($"{shownName}: larger than {MaxBytes >> 20} MiB, not a requirements file: point requirements: at the pinned list pip freeze writes");
        var pending = new StringBuilder();
        var pendingStart = 0;
        var number = 0;
        foreach (var physical in File.ReadLines(file, Encoding.UTF8))
        {
            number++;
            var isComment = Comment().Match(physical) is { Success: true, Index: 0 };
            if (physical.EndsWith('\\') && !isComment)
            {
                if (pending.Length == 0) pendingStart = number;
                pending.Append(physical, 0, physical.Length - 1);
                continue;
            }
            var start = pending.Length == 0 ? number : pendingStart;
            // Joined pieces touch ("flask==\" + "2.0" is "flask==2.0"); a comment line gets a space
            // in front so that it is still removed as a comment once joined.
            if (isComment) pending.Append(' ');
            pending.Append(physical);
            var text = Comment().Replace(pending.ToString(), "").Trim();
            pending.Clear();
            if (text.Length > 0) yield return new RequirementLine(start, text);
        }
        if (pending.Length > 0)
        {
            var text = Comment().Replace(pending.ToString(), "").Trim();
            if (text.Length > 0) yield return new RequirementLine(pendingStart, text);
        }
    }

    [GeneratedRegex(@"(^|\s+)#.*$")]
    private static partial Regex Comment();
}
