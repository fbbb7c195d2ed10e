using Pkgify.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace Pkgify.Core.Config;

/// <summary>
/// A strict view of one YAML mapping: unknown keys are rejected when it is opened, every value is
/// type-checked when read, and every read value's position is recorded in <see cref="ConfigOrigins"/>.
/// Walking the representation model (rather than deserializing) is what lets each error name its line.
/// </summary>
internal sealed class YamlMap
{
    /// <summary>Plain scalars YAML's core schema reads as null: the key is then treated as absent.</summary>
    private static readonly HashSet<string> NullScalars = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    private readonly YamlMappingNode node;
    private readonly string path;

    private YamlMap(YamlMappingNode node, string path, YamlContext context)
    {
        this.node = node;
        this.path = path;
        Context = context;
    }

    public YamlContext Context { get; }

    /// <summary>Where this mapping starts.</summary>
    public YamlNode Node => node;

    /// <summary>Opens <paramref name="value"/> as a mapping whose keys must all be in <paramref name="known"/>.</summary>
    public static YamlMap Open(YamlNode value, string path, YamlContext context, IReadOnlyList<string> known)
    {
        var map = OpenAny(value, path, context);
        foreach (var key in map.node.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
                throw context.Error(key, UnknownKeyMessage(name, path, known));
        }
        return map;
    }

    /// <summary>Opens <paramref name="value"/> as a mapping with free-form (but scalar) keys.</summary>
    public static YamlMap OpenAny(YamlNode value, string path, YamlContext context)
    {
        if (value is not YamlMappingNode mapping)
            throw context.Error(value, $"{Describe(path)} must be a mapping of 'key: value' lines, not {KindOf(value)}");
        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode)
                throw context.Error(key, $"{Describe(path)} has a key that is {KindOf(key)}; keys must be plain names");
        }
        return new YamlMap(mapping, path, context);
    }

    /// <summary>The keys in file order.</summary>
    public IEnumerable<string> Keys => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "");

    /// <summary>The dotted key of a child, e.g. "server.bind".</summary>
    public string KeyOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The value node of <paramref name="key"/>, or null when absent or null-valued.</summary>
    public YamlNode? Value(string key)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value)) return null;
        if (value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar && NullScalars.Contains(scalar.Value ?? ""))
            return null;
        Context.Origins.Record(KeyOf(key), Context.At(value).ToString());
        return value;
    }

    /// <summary>The key node itself, for errors about a key that is present.</summary>
    public YamlNode? KeyNode(string key) =>
        node.Children.Keys.FirstOrDefault(k => ((YamlScalarNode)k).Value == key);

    /// <summary>A scalar's text (any quoting style), or null when absent.</summary>
    public string? Text(string key)
    {
        var value = Value(key);
        if (value is null) return null;
        if (value is not YamlScalarNode scalar)
            throw Context.Error(value, $"{KeyOf(key)} must be a single value, not {KindOf(value)}");
        return scalar.Value ?? "";
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public int? WholeNumber(string key, int min, int max)
    {
        var value = Value(key);
        if (value is null) return null;
        var text = (value as YamlScalarNode)?.Value;
        var plain = value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain };
        if (!plain || text is null || text.Length > 9 || !text.All(char.IsAsciiDigit))
            throw Context.Error(value, $"{KeyOf(key)} must be a whole number between {min} and {max}, written without quotes (got {Shown(value)})");
        var number = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        if (number < min || number > max)
            throw Context.Error(value, $"{KeyOf(key)} must be between {min} and {max} (got {number})");
        return number;
    }

    /// <summary>A list of scalars (a single scalar counts as a one-item list), or null when absent.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)>? TextList(string key)
    {
        var value = Value(key);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return [(scalar.Value ?? "", scalar)];
            case YamlSequenceNode sequence:
                var items = new List<(string, YamlNode)>();
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode itemScalar)
                        throw Context.Error(item, $"{KeyOf(key)} must be a list of single values; this item is {KindOf(item)}");
                    items.Add((itemScalar.Value ?? "", item));
                }
                return items;
            default:
                throw Context.Error(value, $"{KeyOf(key)} must be a list, not {KindOf(value)}");
        }
    }

    /// <summary>A sequence's items, or null when absent.</summary>
    public IReadOnlyList<YamlNode>? Sequence(string key)
    {
        var value = Value(key);
        if (value is null) return null;
        if (value is not YamlSequenceNode sequence)
            throw Context.Error(value, $"{KeyOf(key)} must be a list ('- item' lines), not {KindOf(value)}");
        return sequence.Children.ToList();
    }

    /// <summary>A nested mapping with the given known keys, or null when absent.</summary>
    public YamlMap? Map(string key, IReadOnlyList<string> known)
    {
        var value = Value(key);
        return value is null ? null : Open(value, KeyOf(key), Context, known);
    }

    /// <summary>A user error at the value of <paramref name="key"/> (or at this mapping when absent).</summary>
    public UsageException Error(string key, string problem) =>
        Context.Error(ValueNodeOrSelf(key), $"{KeyOf(key)}: {problem}");

    /// <summary>A user error at one item (<paramref name="at"/>) of the value of <paramref name="key"/>.</summary>
    public UsageException Error(string key, YamlNode at, string problem) =>
        Context.Error(at, $"{KeyOf(key)}: {problem}");

    private YamlNode ValueNodeOrSelf(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : node;

    private static string UnknownKeyMessage(string name, string path, IReadOnlyList<string> known)
    {
        var where = path.Length == 0 ? "" : $" in {path}";
        var closest = KeySuggester.Closest(name, known);
        if (closest is not null)
            return $"unknown key '{name}'{where}: did you mean '{closest}'?";
        var home = ConfigKeys.Sections.FirstOrDefault(s => s.Keys.Contains(name, StringComparer.Ordinal) && s.Section != path);
        if (home.Keys is not null)
            return home.Section.Length == 0
                ? $"unknown key '{name}'{where}: '{name}' is a top-level key; move it out of {path}"
                : $"unknown key '{name}'{where}: '{name}' belongs under '{home.Section}:'";
        return $"unknown key '{name}'{where}; valid keys: {string.Join(", ", known)}";
    }

    private static string Describe(string path) => path.Length == 0 ? "pkgify.yaml's top level" : path;

    private static string Shown(YamlNode value) =>
        value is YamlScalarNode scalar ? $"'{scalar.Value}'" + (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? "" : " in quotes") : KindOf(value);

    internal static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        _ => "an alias",
    };
}
