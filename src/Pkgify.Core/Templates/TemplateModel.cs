using System.Collections;
using System.Reflection;
using System.Text;

namespace Pkgify.Core.Templates;

/// <summary>
/// Turns a <see cref="TemplateContext"/> into the plain tree Handlebars walks: dictionaries with
/// snake_case keys, lists, strings, numbers and booleans. Dictionaries make strict mode work (a
/// missing key is an error) and give users the same key style as pkgify.yaml.
/// </summary>
internal static class TemplateModel
{
    public static Dictionary<string, object?> From(object record) => (Dictionary<string, object?>)Convert(record)!;

    /// <summary>Every string (or number) leaf with its dotted key, to name the key of a value a helper refused.</summary>
    public static IEnumerable<(string Key, string Value)> Leaves(object? node, string prefix = "")
    {
        switch (node)
        {
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                    foreach (var leaf in Leaves(value, prefix.Length == 0 ? key : $"{prefix}.{key}")) yield return leaf;
                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                    foreach (var leaf in Leaves(list[i], $"{prefix}[{i}]")) yield return leaf;
                break;
            case string or int or long:
                yield return (prefix, System.Convert.ToString(node, System.Globalization.CultureInfo.InvariantCulture)!);
                break;
        }
    }

    /// <summary>"DebVersion" → "deb_version".</summary>
    public static string SnakeCase(string name)
    {
        var result = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) result.Append('_');
            result.Append(char.ToLowerInvariant(name[i]));
        }
        return result.ToString();
    }

    private static object? Convert(object? value) => value switch
    {
        null => null,
        string or bool or int or long => value,
        Enum e => SnakeCase(e.ToString()),
        IEnumerable items => items.Cast<object?>().Select(Convert).ToList(),
        _ => value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => SnakeCase(p.Name), p => Convert(p.GetValue(value))),
    };
}
