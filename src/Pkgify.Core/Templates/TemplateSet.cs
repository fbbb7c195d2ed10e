using Pkgify.Core.Errors;

namespace Pkgify.Core.Templates;

/// <summary>
/// The templates a build uses: the built-in ones (embedded from the repository's templates/ folder),
/// each replaced by a file of the same relative name in the project's override folder when present.
/// </summary>
public sealed class TemplateSet
{
    /// <summary>Manifest resource prefix of the built-in templates (see Pkgify.Core.csproj).</summary>
    private const string ResourcePrefix = "templates/";

    private readonly SortedDictionary<string, (string Text, string Source)> templates;

    private TemplateSet(SortedDictionary<string, (string, string)> templates) => this.templates = templates;

    /// <summary>The built-in template names, sorted.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(TemplateSet).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Template names, sorted.</summary>
    public IReadOnlyList<string> Names => templates.Keys.ToList();

    /// <summary>
    /// Loads the built-in templates and the overrides in <paramref name="overrideDir"/> (may be null).
    /// Hidden files (names starting with '.') there are ignored; any other unknown file is an error.
    /// </summary>
    /// <exception cref="UsageException">An override file does not match a template name, or cannot be read.</exception>
    public static TemplateSet Load(string? overrideDir)
    {
        var templates = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var name in BuiltInNames) templates[name] = (BuiltIn(name), "built-in");
        if (overrideDir is null) return new TemplateSet(templates);
        if (!Directory.Exists(overrideDir))
            throw new UsageException($"templates: {overrideDir} is not a directory; create it or remove templates: from pkgify.yaml");
        foreach (var file in Directory.EnumerateFiles(overrideDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(overrideDir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (name.Split('/').Any(part => part.StartsWith('.'))) continue;
            if (!templates.ContainsKey(name))
                throw new UsageException($"{file}: '{name}' is not a template pkgify knows, so it would be ignored; rename it to one of: {string.Join(", ", BuiltInNames)}");
            templates[name] = (ReadOverride(file), file);
        }
        return new TemplateSet(templates);
    }

    /// <summary>The text of template <paramref name="name"/>.</summary>
    public string Text(string name) => Get(name).Text;

    /// <summary>"built-in", or the path of the override file.</summary>
    public string Source(string name) => Get(name).Source;

    /// <summary>True when the project overrides template <paramref name="name"/>.</summary>
    public bool IsOverridden(string name) => Source(name) != "built-in";

    private (string Text, string Source) Get(string name) =>
        templates.TryGetValue(name, out var template)
            ? template
            : throw new ArgumentException($"no template named '{name}'; known: {string.Join(", ", templates.Keys)}", nameof(name));

    private static string BuiltIn(string name)
    {
        using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream(ResourcePrefix + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadOverride(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file}: cannot read the template override: {e.Message}", e);
        }
    }
}
