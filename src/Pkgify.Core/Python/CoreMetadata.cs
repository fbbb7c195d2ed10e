using System.Text;

namespace Pkgify.Core.Python;

/// <summary>
/// The header fields of a core metadata file (*.dist-info/METADATA, "Core metadata
/// specifications"): RFC 822 style "Name: value" lines up to the first blank line, a line
/// starting with whitespace continuing the field before it. The body (the long description)
/// is not read.
/// </summary>
internal static class CoreMetadata
{
    /// <summary>Headers beyond this many bytes are ignored: real ones are a few KiB.</summary>
    private const int MaxHeaderBytes = 1 << 20;

    /// <summary>Each field's values in file order (Classifier repeats), keyed case-insensitively.</summary>
    public static IReadOnlyDictionary<string, List<string>> ReadHeaders(string file)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? lastValues = null;
        var bytesRead = 0;
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (reader.ReadLine() is { } line && line.Length > 0 && bytesRead < MaxHeaderBytes)
        {
            bytesRead += line.Length + 1;
            if (char.IsWhiteSpace(line[0]))
            {
                if (lastValues is { Count: > 0 }) lastValues[^1] += "\n" + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            if (!fields.TryGetValue(name, out lastValues)) fields[name] = lastValues = [];
            lastValues.Add(line[(colon + 1)..].Trim());
        }
        return fields;
    }
}
