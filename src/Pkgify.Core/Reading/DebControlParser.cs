using System.Text;

namespace Pkgify.Core.Reading;

/// <summary>
/// Reads a deb822 stanza (Debian Policy §5.1). Values are kept as dpkg-deb -f prints them: continuation
/// lines with their leading space, so multi-line fields round-trip exactly.
/// </summary>
public static class DebControlParser
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        string? current = null;
        var value = new StringBuilder();
        void Flush()
        {
            if (current is null)
                return;
            if (!fields.ContainsKey(current))
                order.Add(current);
            fields[current] = value.ToString();
        }
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.Length == 0)
            {
                if (current is not null)
                    break; // end of the first stanza
                continue;
            }
            if (raw[0] is ' ' or '\t')
            {
                if (current is null)
                    throw new InvalidDataException("control file starts with a continuation line");
                value.Append('\n').Append(raw);
                continue;
            }
            var colon = raw.IndexOf(':');
            if (colon <= 0)
                throw new InvalidDataException($"control file line without a field name: '{Truncate(raw)}'");
            Flush();
            current = raw[..colon].Trim();
            value.Clear().Append(raw[(colon + 1)..].Trim());
        }
        Flush();
        var ordered = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in order)
            ordered[name] = fields[name];
        return ordered;
    }

    /// <summary>
    /// The extended description as text (Policy §5.6.13): one leading space removed from each line and
    /// a line of " ." read as an empty line.
    /// </summary>
    public static string ExtendedDescription(string continuationLines) =>
        string.Join('\n', continuationLines.Split('\n').Select(l => l.Trim() == "." ? "" : l.Length > 0 && l[0] is ' ' or '\t' ? l[1..] : l));

    /// <summary>Splits a relation field at top-level commas.</summary>
    public static IReadOnlyList<string> SplitRelations(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Array.Empty<string>()
            : value.Replace('\n', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Truncate(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
