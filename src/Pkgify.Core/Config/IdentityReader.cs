using Pkgify.Core.Errors;

namespace Pkgify.Core.Config;

/// <summary>The package's identity fields, after defaults.</summary>
internal sealed record Identity(
    string Name, string Version, string Release, string Summary, string Description,
    string Maintainer, string License, string? Homepage);

/// <summary>
/// Reads name, version, release, summary, description, maintainer, license and homepage: from
/// pkgify.yaml, else from pyproject.toml's [project] (read lazily, only when needed), else defaults.
/// </summary>
internal static class IdentityReader
{
    private const string PyProjectOrigin = "pyproject.toml [project]";

    public static Identity Read(YamlMap root, string projectDir, Func<PyProjectInfo?> readPyProject)
    {
        var pyproject = new Lazy<PyProjectInfo?>(readPyProject);
        var origins = root.Context.Origins;

        string? FromPyProject(string key, string? value, Func<string, string?> rule, string field)
        {
            if (value is null) return null;
            if (rule(value) is { } problem)
                throw new UsageException($"{Path.Combine(projectDir, ConfigDefaults.PyProjectFileName)}: [project] {field}: {problem}; or set {key}: in pkgify.yaml");
            origins.Record(key, $"{PyProjectOrigin} {field}");
            return value;
        }

        var name = ConfigLoader.Checked(root, "name", ValueRules.PackageName)
            ?? FromPyProject("name", Normalized(pyproject.Value?.Name), ValueRules.PackageName, "name")
            ?? NameFromDirectory(root, projectDir);
        var version = ConfigLoader.Checked(root, "version", ValueRules.Version)
            ?? FromPyProject("version", pyproject.Value?.Version, ValueRules.Version, "version")
            ?? throw root.Error("version", MissingVersion(pyproject.Value));
        return new Identity(
            Name: name,
            Version: version,
            Release: ConfigLoader.Checked(root, "release", ValueRules.Release) ?? ConfigDefaults.Release,
            Summary: ConfigLoader.Checked(root, "summary", ValueRules.OneLine)
                ?? FromPyProject("summary", pyproject.Value?.Summary, ValueRules.OneLine, "description")
                ?? ConfigDefaults.Summary(name),
            Description: (ConfigLoader.Checked(root, "description", ValueRules.Text) ?? "").TrimEnd(),
            Maintainer: ConfigLoader.Checked(root, "maintainer", ValueRules.Maintainer)
                ?? FromPyProject("maintainer", pyproject.Value?.Maintainer, ValueRules.Maintainer, "maintainers")
                ?? ConfigDefaults.Maintainer(name),
            License: ConfigLoader.Checked(root, "license", ValueRules.OneLine)
                ?? FromPyProject("license", pyproject.Value?.License, ValueRules.OneLine, "license")
                ?? ConfigDefaults.License,
            Homepage: ConfigLoader.Checked(root, "homepage", v => ValueRules.Url(v, "https", "http"))
                ?? FromPyProject("homepage", pyproject.Value?.Homepage, v => ValueRules.Url(v, "https", "http"), "urls.Homepage"));
    }

    private static string? Normalized(string? pythonName) => pythonName is null ? null : ConfigDefaults.NormalizeName(pythonName);

    private static string NameFromDirectory(YamlMap root, string projectDir)
    {
        var directory = Path.GetFileName(projectDir);
        var name = ConfigDefaults.NormalizeName(directory);
        if (ValueRules.PackageName(name) is not null)
            throw root.Error("name", $"not set, and the directory name '{directory}' does not make a valid package name; add name: to pkgify.yaml");
        root.Context.Origins.Record("name", $"directory name '{directory}'");
        return name;
    }

    private static string MissingVersion(PyProjectInfo? pyproject) => pyproject switch
    {
        { VersionIsDynamic: true } => "not set, and pyproject.toml declares the version dynamic; add version: (e.g. version: 1.0.0) to pkgify.yaml",
        not null => "not set, and pyproject.toml's [project] has no version; add version: (e.g. version: 1.0.0) to pkgify.yaml",
        _ => "not set; add version: (e.g. version: 1.0.0) to pkgify.yaml, or a [project] version to pyproject.toml",
    };
}
