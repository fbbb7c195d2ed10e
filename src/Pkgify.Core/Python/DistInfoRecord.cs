using System.Text;

namespace Pkgify.Core.Python;

/// <summary>What becomes of one RECORD row.</summary>
internal abstract record RecordRowChange
{
    /// <summary>Leave the row as it is.</summary>
    public static readonly RecordRowChange Keep = new KeepRow();

    /// <summary>Drop the row (its file was removed).</summary>
    public static readonly RecordRowChange Drop = new DropRow();

    private sealed record KeepRow : RecordRowChange;
    private sealed record DropRow : RecordRowChange;

    /// <summary>Write the row with this path and, if given, this hash and size.</summary>
    public sealed record Update(string Path, RecordDigest? Digest) : RecordRowChange;
}

/// <summary>
/// Edits a *.dist-info/RECORD file (PEP 376, "Recording installed projects"): CSV rows of
/// path, hash, size as Python's csv module writes them (',' separated, '"' quoting when needed,
/// "\r\n" line ends, which pip keeps). Untouched rows keep their exact bytes.
/// </summary>
internal static class DistInfoRecord
{
    private const char Separator = ',';
    private const char Quote = '"';

    /// <summary>A parsed row: its fields and where its text (without line end) lies in the file.</summary>
    private sealed record Row(List<string> Fields, int Start, int End);

    /// <summary>The new content after <paramref name="decide"/> saw each row's path, or null if nothing changed.</summary>
    public static string? Rewrite(string content, Func<string, RecordRowChange> decide)
    {
        var output = new StringBuilder(content.Length);
        var copiedUpTo = 0;
        var changed = false;
        foreach (var row in Parse(content))
        {
            if (row.Fields.Count == 0) continue;
            var change = decide(row.Fields[0]);
            if (change == RecordRowChange.Keep) continue;
            output.Append(content, copiedUpTo, row.Start - copiedUpTo);
            changed = true;
            if (change is RecordRowChange.Update update)
            {
                output.Append(Format(Updated(row.Fields, update)));
                copiedUpTo = row.End;
            }
            else
            {
                copiedUpTo = SkipLineEnd(content, row.End);
            }
        }
        if (!changed) return null;
        output.Append(content, copiedUpTo, content.Length - copiedUpTo);
        return output.ToString();
    }

    private static List<string> Updated(List<string> fields, RecordRowChange.Update update)
    {
        var result = new List<string>(fields) { [0] = update.Path };
        if (update.Digest is null) return result;
        while (result.Count < 3) result.Add("");
        result[1] = update.Digest.Hash;
        result[2] = update.Digest.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    private static int SkipLineEnd(string content, int index)
    {
        if (index < content.Length && content[index] == '\r') index++;
        if (index < content.Length && content[index] == '\n') index++;
        return index;
    }

    private static IEnumerable<Row> Parse(string content)
    {
        var position = 0;
        while (position < content.Length)
        {
            var start = position;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            while (position < content.Length)
            {
                var c = content[position];
                if (quoted)
                {
                    position++;
                    if (c != Quote) field.Append(c);
                    else if (position < content.Length && content[position] == Quote) { field.Append(Quote); position++; }
                    else quoted = false;
                    continue;
                }
                if (c is '\r' or '\n') break;
                position++;
                if (c == Quote) quoted = true;
                else if (c == Separator) { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            var end = position;
            if (end > start) fields.Add(field.ToString());
            position = SkipLineEnd(content, position);
            yield return new Row(fields, start, end);
        }
    }

    private static string Format(List<string> fields) => string.Join(Separator, fields.Select(QuoteIfNeeded));

    /// <summary>csv.QUOTE_MINIMAL: quote a field holding the separator, a quote or a line break.</summary>
    private static string QuoteIfNeeded(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : Quote + field.Replace("\"", "\"\"") + Quote;
}
