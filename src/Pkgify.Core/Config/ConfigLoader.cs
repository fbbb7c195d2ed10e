using Pkgify.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pkgify.Core.Config;

/// <summary>
/// Loads <c>pkgify.yaml</c> strictly (unknown keys, wrong types, duplicate keys and malformed YAML
/// are errors naming file:line:column), applies the contract's defaults and validates every value
/// that later lands in a package, a script or a unit file.
/// </summary>
public static class ConfigLoader
{
    /// <summary>
    /// Loads the project in <paramref name="projectDir"/>. A directory without pkgify.yaml loads with
    /// defaults only (the deployment-standard layout).
    /// </summary>
    /// <param name="projectDir">The project directory.</param>
    /// <param name="readPyProject">
    /// Called with the interpreter path (<c>python:</c> or its default), only when pyproject.toml exists
    /// and a value pkgify.yaml leaves out is needed; returns its [project] data. Normally
    /// <c>python =&gt; PyProjectReader.Read(python, Path.Combine(projectDir, "pyproject.toml"))</c>.
    /// </param>
    /// <exception cref="UsageException">Anything wrong with the configuration (exit status 2).</exception>
    public static ProjectConfig Load(string projectDir, Func<string, PyProjectInfo?> readPyProject)
    {
        var dir = Path.GetFullPath(projectDir);
        if (!Directory.Exists(dir))
            throw new UsageException($"{projectDir}: no such directory; give the directory that holds the project (and its pkgify.yaml)");
        var file = Path.Combine(dir, ConfigDefaults.FileName);
        var exists = File.Exists(file);
        if (!exists && !HasStandardLayout(dir))
            throw new UsageException($"{DisplayName(dir)}: no {ConfigDefaults.FileName}, and not a standard-layout project (no {string.Join(", ", ConfigDefaults.RequirementsFiles)}, {ConfigDefaults.WsgiScript} or {ConfigDefaults.PyProjectFileName}): run 'pkgify init {DisplayName(dir)}' to write one");
        var context = new YamlContext(DisplayName(file), exists, new ConfigOrigins());
        var root = YamlMap.Open(exists ? ReadRoot(file, context) : new YamlMappingNode(), "", context, ConfigKeys.Root);

        var python = PythonPath(root);
        var identity = IdentityReader.Read(root, dir, () => File.Exists(Path.Combine(dir, ConfigDefaults.PyProjectFileName)) ? readPyProject(python) : null);
        var files = new ProjectFileReader(root, dir);
        var app = files.App();
        var service = new ServiceReader(root, identity.Name);
        var wsgi = service.Wsgi(app.Source);
        var server = service.Server(wsgi);
        return new ProjectConfig
        {
            ProjectDir = dir,
            ConfigFile = exists ? file : null,
            Name = identity.Name,
            Version = identity.Version,
            Release = identity.Release,
            Summary = identity.Summary,
            Description = identity.Description,
            Maintainer = identity.Maintainer,
            License = identity.License,
            Homepage = identity.Homepage,
            Python = python,
            Requirements = files.Requirements(),
            Wheelhouse = files.Optional("wheelhouse", directory: true),
            IndexUrl = Checked(root, "index_url", v => ValueRules.Url(v, "https", "http", "file")),
            App = app,
            Wsgi = wsgi,
            Server = server,
            Service = service.Service(),
            ExternalDependencies = files.ExternalDependencies(),
            Depends = RelationReader.Depends(root),
            Mappings = RelationReader.Mappings(root),
            Config = files.ConfigEntries(),
            Hooks = service.Hooks(),
            Nginx = service.Nginx(),
            Templates = files.Optional("templates", directory: true),
            Origins = context.Origins,
        };
    }

    /// <summary>
    /// True when the directory looks like a project pkgify can build without pkgify.yaml (the deployment-standard
    /// layout, or a pyproject.toml to take the identity from); anything else is most likely the wrong directory.
    /// </summary>
    private static bool HasStandardLayout(string dir) =>
        ConfigDefaults.RequirementsFiles.Append(ConfigDefaults.WsgiScript).Append(ConfigDefaults.PyProjectFileName)
            .Any(f => File.Exists(Path.Combine(dir, f)));

    /// <summary>Reads a scalar and applies <paramref name="rule"/>, failing at the value's position.</summary>
    internal static string? Checked(YamlMap map, string key, Func<string, string?> rule)
    {
        var value = map.Text(key);
        if (value is not null && rule(value) is { } problem) throw map.Error(key, problem);
        return value;
    }

    private static string PythonPath(YamlMap root) =>
        Checked(root, "python", ValueRules.TargetPath) ?? ConfigDefaults.Python;

    private static YamlNode ReadRoot(string file, YamlContext context)
    {
        var stream = new YamlStream();
        Parser? parser = null;
        try
        {
            using var reader = new StreamReader(file);
            parser = new Parser(reader);
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // An error found only at the end of the file (an unclosed '[' or '{') is placed where the parser last
            // read a value, the line the user has to fix, not on the line after the last one.
            var at = e.Start.Line > 1 && e.Start.Column == 1 && parser?.Current is { } last && AtEndOfFile(file, e.Start) ? last.Start : e.Start;
            throw new UsageException(ValueRules.Printable($"{context.At(at)}: {YamlProblem(e)}"), e);
        }
        catch (InvalidOperationException e) when (parser?.Current is { } last)
        {
            // YamlDotNet 16's scanner fails this way, instead of with a YamlException, on some unclosed flow
            // collections (`version: [1.0` followed by more keys): a user's mistake, reported as one.
            throw new UsageException(ValueRules.Printable($"{context.At(last.Start)}: not valid YAML: a '[' or '{{' opened here is not closed; close it, or quote the value"), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{context.DisplayFile}: cannot read it: {e.Message}", e);
        }
        if (stream.Documents.Count > 1)
            throw context.Error(stream.Documents[1].RootNode, "only one YAML document is allowed; remove the '---' separator and what follows");
        return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
    }

    /// <summary>True when <paramref name="mark"/> is past the last character of <paramref name="file"/> (but white space).</summary>
    private static bool AtEndOfFile(string file, Mark mark)
    {
        var text = File.ReadAllText(file);
        return mark.Index >= text.TrimEnd().Length;
    }

    /// <summary>YamlDotNet's reason, reworded where a user needs more than the parser's words.</summary>
    private static string YamlProblem(YamlException e)
    {
        const string DuplicatePrefix = "Duplicate key ";
        const string UnclosedPrefix = "While parsing a flow ";
        return e.Message.StartsWith(DuplicatePrefix, StringComparison.Ordinal)
            ? $"duplicate key '{e.Message[DuplicatePrefix.Length..]}': each key may appear once; remove one of them"
            : e.Message.StartsWith(UnclosedPrefix, StringComparison.Ordinal)
            ? $"not valid YAML: {e.Message.TrimEnd('.')}; close the '[' or '{{' this value opens, or quote the value"
            : $"not valid YAML: {e.Message.TrimEnd('.')}; check indentation, quoting and ':' placement";
    }

    /// <summary>A file or directory as the user typed the way to it: relative to the working directory when inside it.</summary>
    private static string DisplayName(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
