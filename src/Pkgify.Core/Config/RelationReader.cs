namespace Pkgify.Core.Config;

/// <summary>Reads <c>depends:</c> and <c>mappings:</c>: relations written in each family's own syntax.</summary>
internal static class RelationReader
{
    /// <summary>The <c>depends:</c> section.</summary>
    public static FamilyRelations Depends(YamlMap root)
    {
        var depends = root.Map("depends", ConfigKeys.Family);
        if (depends is null) return FamilyRelations.None;
        return new FamilyRelations(List(depends, "deb") ?? [], List(depends, "rpm") ?? []);
    }

    /// <summary>The <c>mappings:</c> section, sorted by external name.</summary>
    public static IReadOnlyDictionary<string, PackageMapping> Mappings(YamlMap root)
    {
        var result = new SortedDictionary<string, PackageMapping>(StringComparer.Ordinal);
        var value = root.Value("mappings");
        if (value is null) return result;
        var mappings = YamlMap.OpenAny(value, "mappings", root.Context);
        foreach (var external in mappings.Keys)
        {
            var node = mappings.Value(external)
                ?? throw mappings.Error(external, "give the package names, e.g. { deb: [libpq5], rpm: [libpq] }");
            if (ValueRules.OneLine(external) is { } problem) throw mappings.Error(external, problem);
            var mapping = YamlMap.Open(node, mappings.KeyOf(external), root.Context, ConfigKeys.Family);
            result[external] = new PackageMapping(List(mapping, "deb"), List(mapping, "rpm"));
        }
        return result;
    }

    /// <summary>A list of relations, or null when the key is absent.</summary>
    private static List<string>? List(YamlMap map, string key) =>
        map.TextList(key)?.Select(item => ProjectFileReader.Checked(map, key, item, Relation)).ToList();

    /// <summary>One relation per item: a comma would silently make it two.</summary>
    private static string? Relation(string value) =>
        ValueRules.OneLine(value) ?? (value.Contains(',') ? $"'{value}' contains ',': write each relation as its own list item" : null);
}
