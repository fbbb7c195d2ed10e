using System.Text;
using System.Text.RegularExpressions;

namespace Pkgify.Core.Init;

/// <summary>Writes a string as a YAML scalar that reads back as the same string.</summary>
internal static partial class YamlScalar
{
    /// <summary>YAML 1.1 words a plain scalar would turn into a boolean or null for other readers.</summary>
    private static readonly HashSet<string> SpecialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>Plain when unambiguous (paths, names, versions), else double-quoted (YAML 1.2 §7.3.1 escapes).</summary>
    public static string Write(string value)
    {
        if (Plain().IsMatch(value) && !SpecialWords.Contains(value))
            return value;
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>A flow sequence of scalars: <c>[".git", "dist"]</c>.</summary>
    public static string FlowList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quoted)) + "]";

    private static string Quoted(string value) => Write(value) is var w && w.StartsWith('"') ? w : $"\"{w}\"";

    /// <summary>Starts with a letter, digit, '/' or '.', and holds nothing YAML gives a meaning to.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9/._][A-Za-z0-9/._+-]*$")]
    private static partial Regex Plain();
}
