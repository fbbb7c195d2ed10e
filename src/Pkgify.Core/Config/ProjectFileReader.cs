using YamlDotNet.RepresentationModel;

namespace Pkgify.Core.Config;

/// <summary>
/// Reads the keys that name files of the project (requirements, wheelhouse, app, config sources,
/// templates...). Relative paths are resolved against the project directory and must exist, so a
/// typo is reported at its line instead of failing halfway through a build.
/// </summary>
internal sealed class ProjectFileReader(YamlMap root, string projectDir)
{
    /// <summary>The requirements file: as configured, else the first default file that exists, else null.</summary>
    public string? Requirements() =>
        Optional("requirements", directory: false)
        ?? Default(ConfigDefaults.RequirementsFiles, "requirements");

    /// <summary>The external dependency list: as configured, else the default file when present.</summary>
    public string? ExternalDependencies() =>
        Optional("external_dependencies", directory: false)
        ?? Default([ConfigDefaults.ExternalDependenciesFile], "external_dependencies");

    /// <summary>The <c>app:</c> section.</summary>
    public AppConfig App()
    {
        var app = root.Map("app", ConfigKeys.App);
        var source = app is null ? null : Resolve(app, "source", directory: true);
        var exclude = app?.TextList("exclude")?.Select(item => Checked(app, "exclude", item, ValueRules.OneLine)).ToList();
        return new AppConfig(source ?? projectDir, exclude ?? [.. ConfigDefaults.AppExclude]);
    }

    /// <summary>The <c>config:</c> list.</summary>
    public IReadOnlyList<ConfigFileEntry> ConfigEntries()
    {
        var entries = new List<ConfigFileEntry>();
        var items = root.Sequence("config") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = YamlMap.Open(items[i], $"config[{i}]", root.Context, ConfigKeys.ConfigEntry);
            var source = Resolve(item, "source", directory: false) ?? throw Missing(item, "source", "the file in the project to install, e.g. source: deploy/local_settings.py");
            var dest = ConfigLoader.Checked(item, "dest", ValueRules.UnderEtc) ?? throw Missing(item, "dest", "where it is installed, e.g. dest: /etc/NAME/local_settings.py");
            if (entries.Any(e => e.Dest == dest))
                throw item.Error("dest", $"{dest} is already the dest of an earlier config entry; each file can be installed once");
            var mode = ConfigDefaults.ConfigMode;
            var modeText = item.Text("mode");
            if (modeText is not null && ValueRules.Mode(modeText, out mode) is { } problem) throw item.Error("mode", problem);
            entries.Add(new ConfigFileEntry(source, dest, mode));
        }
        return entries;
    }

    /// <summary>An optional top-level path key, resolved and checked, or null when absent.</summary>
    public string? Optional(string key, bool directory) => Resolve(root, key, directory);

    private string? Default(IEnumerable<string> candidates, string key)
    {
        var found = candidates.Select(name => Path.Combine(projectDir, name)).FirstOrDefault(File.Exists);
        if (found is not null) root.Context.Origins.Record(key, $"default file {Path.GetFileName(found)}");
        return found;
    }

    private string? Resolve(YamlMap map, string key, bool directory)
    {
        var value = ConfigLoader.Checked(map, key, ValueRules.OneLine);
        if (value is null) return null;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(projectDir, value)));
        var exists = directory ? Directory.Exists(full) : File.Exists(full);
        if (!exists)
            throw map.Error(key, $"{(directory ? "directory" : "file")} '{value}' does not exist (looked for {full}); paths are relative to the project directory");
        return full;
    }

    /// <summary>Checks one list item, failing at the item's own position.</summary>
    internal static string Checked(YamlMap map, string key, (string Text, YamlNode Node) item, Func<string, string?> rule) =>
        rule(item.Text) is { } problem ? throw map.Error(key, item.Node, problem) : item.Text;

    private static Exception Missing(YamlMap item, string key, string what) =>
        item.Context.Error(item.Node, $"{item.KeyOf(key)} is missing: add {what}");
}
