using Pkgify.Core.Config;
using Pkgify.Core.Dependencies;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Python;

namespace Pkgify.Core.Build;

/// <summary>
/// Feeds a build's payload and configuration to <see cref="DependencyResolver"/>: the interpreter, the
/// project's declared relations, its external-dependencies.txt through the mapping table, and every ELF
/// file's needed libraries that the payload does not carry itself.
/// </summary>
public static class BuildDependencies
{
    public static DependencyReport Resolve(ProjectConfig config, PythonInterpreter interpreter, IEnumerable<PackageFile> payload)
    {
        var files = payload.Where(f => f.Kind is FileKind.Regular && f.Source is DiskFileSource)
            .Select(f => (((DiskFileSource)f.Source!).Path, f.Path)).ToList();
        var mappings = config.Mappings.ToDictionary(m => m.Key, m => new MappingOverride(
            One(m.Value.Deb, $"mappings.{m.Key}.deb", config), One(m.Value.Rpm, $"mappings.{m.Key}.rpm", config)));
        return DependencyResolver.Resolve(new DependencyInputs(files, config.ExternalDependencies, mappings,
            config.Depends.Deb, config.Depends.Rpm, interpreter.Path)
        {
            ConfigName = config.ConfigFile is null ? "pkgify.yaml" : Path.GetFileName(config.ConfigFile),
        });
    }

    private static string? One(IReadOnlyList<string>? names, string key, ProjectConfig config) => names switch
    {
        null or { Count: 0 } => null,
        { Count: 1 } => names[0],
        _ => throw new UsageException($"{config.Origins.Describe(key)}: give one relation per family (several packages: use 'a, b' in depends instead)"),
    };
}
