using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CommandLine;

namespace Pkgify.Cli.Help;

/// <summary>One option or positional argument of a command, as help shows it.</summary>
/// <param name="Names">"-f, --format" or "DIR".</param>
/// <param name="MetaValue">What follows the option ("LIST"), or "" for a switch or an argument.</param>
/// <param name="Text">The description, without its default.</param>
/// <param name="Default">"deb,rpm", "off", "required", "none"...</param>
/// <param name="LongName">The long name without dashes, or null (an argument).</param>
/// <param name="ShortName">The one-letter name, or null.</param>
internal sealed partial record OptionDoc(string Names, string MetaValue, string Text, string Default, string? LongName, string? ShortName)
{
    /// <summary>Arguments first (by position), then options from the command's own class to its bases, in declaration order.</summary>
    public static IReadOnlyList<OptionDoc> For(Type optionsType)
    {
        var properties = new List<PropertyInfo>();
        for (var t = optionsType; t is not null && t != typeof(object); t = t.BaseType)
            properties.AddRange(t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken));
        var values = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ValueAttribute>()))
            .Where(v => v.Attribute is not null)
            .OrderBy(v => v.Attribute!.Index)
            .Select(v => FromValue(v.Property, v.Attribute!));
        var options = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OptionAttribute>()))
            .Where(o => o.Attribute is not null && !o.Attribute.Hidden)
            .Select(o => FromOption(o.Property, o.Attribute!));
        return [.. values, .. options];
    }

    public bool IsArgument => LongName is null && ShortName is null;

    private static OptionDoc FromValue(PropertyInfo property, ValueAttribute value)
    {
        var (text, fromText) = SplitDefault(value.HelpText);
        var name = (value.MetaName ?? property.Name.ToUpperInvariant()) + (IsSequence(property.PropertyType) ? "..." : "");
        var required = value.Required || value.Min >= 1;
        return new OptionDoc(name, "", text, DefaultOf(required, value.Default, property.PropertyType, fromText), null, null);
    }

    private static OptionDoc FromOption(PropertyInfo property, OptionAttribute option)
    {
        var (text, fromText) = SplitDefault(option.HelpText);
        var shortName = string.IsNullOrEmpty(option.ShortName) ? null : option.ShortName;
        var names = (shortName is null ? "" : $"-{shortName}, ") + $"--{option.LongName}";
        var meta = IsSwitch(property.PropertyType) ? "" : string.IsNullOrEmpty(option.MetaValue) ? MetaFor(property.PropertyType, option.LongName) : option.MetaValue;
        var repeatable = IsSequence(property.PropertyType) && !text.Contains("repeat", StringComparison.OrdinalIgnoreCase) ? " Repeatable." : "";
        return new OptionDoc(names, meta, text + repeatable, DefaultOf(option.Required, option.Default, property.PropertyType, fromText), option.LongName, shortName);
    }

    /// <summary>
    /// The default shown: required, the attribute's Default, "off" for a switch, a "Default: X." or "(default: X)"
    /// written in the help text, else "none".
    /// </summary>
    private static string DefaultOf(bool required, object? attributeDefault, Type type, string? fromText) =>
        required ? "required"
        : attributeDefault is IEnumerable sequence and not string ? string.Join(",", sequence.Cast<object>())
        : attributeDefault is not null ? Convert.ToString(attributeDefault, CultureInfo.InvariantCulture) ?? "none"
        : fromText is not null ? fromText
        : IsSwitch(type) ? "off"
        : "none";

    private static (string Text, string? Default) SplitDefault(string? helpText)
    {
        var text = helpText ?? "";
        var match = DefaultInText().Match(text);
        if (!match.Success) return (text, null);
        var stripped = text[..match.Index].TrimEnd();
        return (stripped.EndsWith('.') || stripped.Length == 0 ? stripped : stripped + ".", match.Groups["value"].Value.TrimEnd('.'));
    }

    private static bool IsSwitch(Type type) => type == typeof(bool);

    private static bool IsSequence(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static string MetaFor(Type type, string longName)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "N" : longName.ToUpperInvariant().Replace('-', '_');
    }

    /// <summary>"... Default: DIR/dist." or "... (default: gzip 6, xz 6)" at the end of a help text.</summary>
    [GeneratedRegex(@"\s*(\((?i:default):?\s*(?<value>[^)]*)\)\.?|(?i:default):\s*(?<value>.+?))\s*$")]
    private static partial Regex DefaultInText();
}
