using System.Diagnostics;
using System.Text.Json;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Config;

/// <summary>
/// Reads <c>pyproject.toml</c>'s <c>[project]</c> table with the build interpreter's own TOML parser
/// (tomllib, Python ≥ 3.11, or the tomli package), so pkgify carries no TOML parser of its own.
/// </summary>
public static class PyProjectReader
{
    /// <summary>Exit status of <see cref="Script"/> when the interpreter has no TOML parser.</summary>
    private const int NoParserExit = 3;

    /// <summary>Exit status of <see cref="Script"/> when the file is not valid TOML.</summary>
    private const int BadTomlExit = 4;

    /// <summary>Longest a Python start-up plus a TOML parse may take before we give up.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Prints the [project] fields pkgify uses as JSON. Values are passed through with their TOML
    /// types; <see cref="Parse"/> checks them, so a wrong type is reported by name.
    /// </summary>
    private const string Script = """
import json, sys
try:
    import tomllib
except ImportError:
    try:
        import tomli as tomllib
    except ImportError:
        sys.exit(3)
try:
    with open(sys.argv[1], "rb") as f:
        data = tomllib.load(f)
except tomllib.TOMLDecodeError as e:
    sys.stderr.write(str(e))
    sys.exit(4)
p = data.get("project")
if not isinstance(p, dict):
    p = {}
keys = ("name", "version", "description", "license", "dynamic", "urls", "maintainers", "authors")
json.dump({k: p[k] for k in keys if k in p}, sys.stdout, default=str)
""";

    /// <summary>
    /// Reads <paramref name="pyprojectPath"/> with the interpreter at <paramref name="pythonPath"/>.
    /// Returns null when the file does not exist.
    /// </summary>
    /// <exception cref="UsageException">The interpreter is missing or too old, or the file is not valid TOML.</exception>
    public static PyProjectInfo? Read(string pythonPath, string pyprojectPath)
    {
        if (!File.Exists(pyprojectPath)) return null;
        if (!File.Exists(pythonPath))
            throw new UsageException($"python: {pythonPath} does not exist, and it is needed to read {pyprojectPath}; install it or set python: in pkgify.yaml");
        var (exit, stdout, stderr) = Run(pythonPath, pyprojectPath);
        return exit switch
        {
            0 => Parse(stdout, pyprojectPath),
            NoParserExit => throw new UsageException(
                $"{pythonPath} cannot read {pyprojectPath}: it needs Python 3.11 or later (tomllib) or the tomli package; set name, version, summary and license in pkgify.yaml instead"),
            BadTomlExit => throw new UsageException($"{pyprojectPath}: not valid TOML: {OneLine(stderr)}"),
            _ => throw new BuildException($"{pythonPath} failed (exit {exit}) reading {pyprojectPath}: {OneLine(stderr)}"),
        };
    }

    private static (int Exit, string Stdout, string Stderr) Run(string pythonPath, string pyprojectPath)
    {
        // -I: isolated mode, so PYTHON* variables and the user's site-packages cannot change the result.
        var start = new ProcessStartInfo(pythonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-I", "-c", Script, pyprojectPath }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new BuildException($"could not start {pythonPath}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new BuildException($"{pythonPath} did not finish reading {pyprojectPath} within {Timeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Turns the script's JSON into a <see cref="PyProjectInfo"/>, rejecting wrongly typed fields.</summary>
    internal static PyProjectInfo Parse(string json, string pyprojectPath)
    {
        using var document = JsonDocument.Parse(json);
        var project = document.RootElement;
        string? Str(string key)
        {
            if (!project.TryGetProperty(key, out var value)) return null;
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new UsageException($"{pyprojectPath}: [project] {key} must be a string");
        }
        return new PyProjectInfo(
            Name: Str("name"),
            Version: Str("version"),
            Summary: Str("description"),
            License: License(project, pyprojectPath),
            VersionIsDynamic: project.TryGetProperty("dynamic", out var dynamic)
                && dynamic.ValueKind == JsonValueKind.Array
                && dynamic.EnumerateArray().Any(d => d.ValueKind == JsonValueKind.String && d.GetString() == "version"),
            Homepage: Homepage(project),
            Maintainer: FirstPerson(project, "maintainers") ?? FirstPerson(project, "authors"));
    }

    /// <summary>PEP 639 string, or PEP 621's table form with <c>text</c> (a <c>file</c> reference gives null).</summary>
    private static string? License(JsonElement project, string pyprojectPath)
    {
        if (!project.TryGetProperty("license", out var license)) return null;
        return license.ValueKind switch
        {
            JsonValueKind.String => license.GetString(),
            JsonValueKind.Object => license.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
            _ => throw new UsageException($"{pyprojectPath}: [project] license must be a string or a table"),
        };
    }

    private static string? Homepage(JsonElement project)
    {
        if (!project.TryGetProperty("urls", out var urls) || urls.ValueKind != JsonValueKind.Object) return null;
        return urls.EnumerateObject()
            .Where(u => u.Name.Equals("homepage", StringComparison.OrdinalIgnoreCase) && u.Value.ValueKind == JsonValueKind.String)
            .Select(u => u.Value.GetString())
            .FirstOrDefault();
    }

    private static string? FirstPerson(JsonElement project, string key)
    {
        if (!project.TryGetProperty(key, out var people) || people.ValueKind != JsonValueKind.Array) return null;
        foreach (var person in people.EnumerateArray())
        {
            if (person.ValueKind == JsonValueKind.Object
                && person.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && person.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String)
                return $"{name.GetString()} <{email.GetString()}>";
        }
        return null;
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
