using System.Collections.Immutable;
using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// The mapping table pkgify ships as data (<c>data/dependency-mappings.yaml</c>, embedded in this assembly): from
/// external dependency names, their aliases and -dev / -devel names to runtime package names per family, and
/// from Debian sonames to the package shipping them. Names compare case-insensitively.
/// </summary>
public sealed class DependencyMappingTable
{
    /// <summary>Resource name of the shipped table.</summary>
    public const string ResourceName = "data/dependency-mappings.yaml";

    // A -dev / -devel name whose own spelling is not listed falls back on its runtime name (targets need no headers).
    private static readonly string[] DevelopmentSuffixes = ["-devel", "-dev"];

    private static readonly Lazy<DependencyMappingTable> Shipped = new(() => Parse(ReadResource(), ResourceName));

    private readonly Dictionary<string, DependencyMapping> _byName;
    private readonly Dictionary<string, DependencyMapping> _bySoname;

    private DependencyMappingTable(ImmutableArray<DependencyMapping> entries, Dictionary<string, DependencyMapping> byName,
        Dictionary<string, DependencyMapping> bySoname)
    {
        Entries = entries;
        _byName = byName;
        _bySoname = bySoname;
    }

    /// <summary>The table shipped with pkgify.</summary>
    public static DependencyMappingTable Builtin => Shipped.Value;

    /// <summary>Every entry, in file order.</summary>
    public ImmutableArray<DependencyMapping> Entries { get; }

    /// <summary>The entry for an external name or alias (then with a -dev / -devel suffix removed), or null.</summary>
    public DependencyMapping? Find(string name) =>
        Candidates(name).Select(c => _byName.GetValueOrDefault(c)).FirstOrDefault(e => e is not null);

    /// <summary>The entry whose Debian package ships <paramref name="soname"/>, or null.</summary>
    public DependencyMapping? FindBySoname(string soname) => _bySoname.GetValueOrDefault(soname);

    /// <summary>The spellings a name is looked up under: itself, then without a development-package suffix.</summary>
    public static IEnumerable<string> Candidates(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        yield return key;
        foreach (var suffix in DevelopmentSuffixes.Where(s => key.EndsWith(s, StringComparison.Ordinal) && key.Length > s.Length))
            yield return key[..^suffix.Length];
    }

    /// <summary>Parses a table in the shipped format; <paramref name="where"/> names it in errors.</summary>
    public static DependencyMappingTable Parse(string yaml, string where)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var raw = deserializer.Deserialize<Dictionary<string, EntryText>>(yaml) ?? [];
        var entries = raw.Select(kv => ToEntry(kv.Key, kv.Value, where)).ToImmutableArray();
        var byName = new Dictionary<string, DependencyMapping>(StringComparer.Ordinal);
        var bySoname = new Dictionary<string, DependencyMapping>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name))
                if (!byName.TryAdd(name.ToLowerInvariant(), entry))
                    throw new InvalidDataException($"{where}: name '{name}' of entry '{entry.Name}' is already used by entry '{byName[name.ToLowerInvariant()].Name}'");
            foreach (var soname in entry.Sonames)
                if (!bySoname.TryAdd(soname, entry))
                    throw new InvalidDataException($"{where}: soname '{soname}' of entry '{entry.Name}' is already listed by entry '{bySoname[soname].Name}'");
        }
        return new DependencyMappingTable(entries, byName, bySoname);
    }

    private static DependencyMapping ToEntry(string name, EntryText? text, string where)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Deb) || string.IsNullOrWhiteSpace(text.Rpm))
            throw new InvalidDataException($"{where}: entry '{name}' must give both 'deb' and 'rpm'");
        return new DependencyMapping(name, [.. text.Aliases ?? []], [.. text.Sonames ?? []], text.Deb.Trim(), text.Rpm.Trim());
    }

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One entry as written in YAML.</summary>
    private sealed class EntryText
    {
        public List<string>? Aliases { get; set; }
        public List<string>? Sonames { get; set; }
        public string? Deb { get; set; }
        public string? Rpm { get; set; }
    }
}
