using System.Text.RegularExpressions;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Python;

namespace Pkgify.Core.Init;

/// <summary>
/// Looks at a project directory the way <c>pkgify init</c> needs: pyproject.toml's [project] (read with the
/// interpreter's tomllib, as the build does), the requirements file, a wheelhouse, the external
/// dependency list, the deployment-standard <c>bin/wsgiapp</c> or a module exposing a WSGI callable.
/// </summary>
public static partial class ProjectInspector
{
    /// <summary>Wheel directories in the order they are looked for.</summary>
    private static readonly string[] WheelhouseNames = ["wheels", "wheelhouse"];

    /// <summary>Tool caches and build output that are never part of an application.</summary>
    private static readonly string[] NeverApplication =
        [".tox", ".nox", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "node_modules", "build"];

    private const string TemplatesDir = "packaging/templates";
    private const string FallbackVersion = "0.1.0";
    private const string VenvMarker = "pyvenv.cfg";

    /// <summary>Surveys <paramref name="projectDir"/>.</summary>
    /// <param name="projectDir">The project directory.</param>
    /// <param name="python">An interpreter the user chose (init --python), or null to pick this host's python3.</param>
    /// <param name="name">A package name the user chose (init --name), or null to derive one.</param>
    /// <exception cref="UsageException">No usable name, a bad --python, or an unreadable pyproject.toml.</exception>
    public static ProjectSurvey Inspect(string projectDir, string? python = null, string? name = null)
    {
        var dir = Path.GetFullPath(projectDir);
        if (!Directory.Exists(dir))
            throw new UsageException($"{projectDir}: no such directory; give the project directory to write pkgify.yaml into");
        var warnings = new List<string>();
        var interpreter = ChoosePython(python, warnings);
        var pyprojectPath = Path.Combine(dir, ConfigDefaults.PyProjectFileName);
        var pyproject = File.Exists(pyprojectPath) ? PyProjectReader.Read(interpreter.Value, pyprojectPath) : null;

        var wsgiCandidates = WsgiLocator.Find(dir);
        var wsgi = WsgiEntry(dir, wsgiCandidates, warnings);
        var requirements = Requirements(dir, warnings, out var pinned);
        var wheelhouse = WheelhouseNames.FirstOrDefault(n => Directory.Exists(Path.Combine(dir, n)));
        var (exclude, excludeFound) = Excludes(dir, wheelhouse);
        var derivedName = Name(dir, name, pyproject);
        return new ProjectSurvey
        {
            ProjectDir = dir,
            Name = derivedName,
            NameFromPyProject = name is null && pyproject?.Name is not null,
            Version = Version(dir, pyproject, wsgi?.Value, derivedName.Value),
            VersionFromPyProject = pyproject?.Version is not null && ValueRules.Version(pyproject.Version) is null,
            PyProject = pyproject,
            Python = interpreter,
            Requirements = requirements,
            Server = Server(pinned, requirements?.Value, wsgi is not null, warnings),
            Wheelhouse = wheelhouse is null ? null : new Found<string>(wheelhouse + "/", $"found {wheelhouse}/: pip installs from it alone (--no-index), no network needed"),
            ExternalDependencies = File.Exists(Path.Combine(dir, ConfigDefaults.ExternalDependenciesFile))
                ? new Found<string>(ConfigDefaults.ExternalDependenciesFile, $"found {ConfigDefaults.ExternalDependenciesFile}: each line becomes a package dependency")
                : null,
            Wsgi = wsgi,
            OtherWsgi = wsgiCandidates.Where(c => c.Entry != wsgi?.Value).DistinctBy(c => c.Entry).ToList(),
            Exclude = exclude,
            ExcludeFound = excludeFound,
            Templates = Directory.Exists(Path.Combine(dir, TemplatesDir))
                ? new Found<string>(TemplatesDir + "/", $"found {TemplatesDir}/: its files override the built-in templates")
                : null,
            HasManagePy = File.Exists(Path.Combine(dir, "manage.py")),
            Warnings = warnings,
        };
    }

    private static Found<string> ChoosePython(string? given, List<string> warnings)
    {
        if (given is not null)
        {
            var chosen = InterpreterCheck.Validate(given, "--python");
            return new Found<string>(given, $"given with --python (Python {chosen.Version})");
        }
        var candidate = InterpreterSuggestion.For(null);
        if (candidate.Contains('<'))
        {
            warnings.Add($"no python3 found in /usr/bin: install the interpreter targets will have and set python: to its path (or run pkgify init --python PATH)");
            return new Found<string>(ConfigDefaults.Python, "the default; no python3 was found on this host");
        }
        try
        {
            var found = InterpreterCheck.Validate(candidate, "python");
            return new Found<string>(candidate, $"/usr/bin/python3 is Python {found.Version} on this host; a versioned path makes the package name the exact interpreter it needs");
        }
        catch (UsageException e)
        {
            warnings.Add(e.Message);
            return new Found<string>(candidate, "this host's python3");
        }
    }

    private static Found<string> Name(string dir, string? given, PyProjectInfo? pyproject)
    {
        if (given is not null)
            return ValueRules.PackageName(given) is { } problem
                ? throw new UsageException($"--name: {problem}")
                : new Found<string>(given, "given with --name");
        if (pyproject?.Name is { } pyName && ConfigDefaults.NormalizeName(pyName) is var fromPy && ValueRules.PackageName(fromPy) is null)
            return new Found<string>(fromPy, $"pyproject.toml [project] name '{pyName}'");
        var directory = Path.GetFileName(dir);
        var fromDir = ConfigDefaults.NormalizeName(directory);
        return ValueRules.PackageName(fromDir) is { } bad
            ? throw new UsageException($"cannot make a package name from the directory name '{directory}' ({bad}): run pkgify init --name NAME")
            : new Found<string>(fromDir, $"the directory name '{directory}'; a CI checkout may have another, so it is written down");
    }

    private static Found<string> Version(string dir, PyProjectInfo? pyproject, string? wsgi, string name)
    {
        if (pyproject?.Version is { } v && ValueRules.Version(v) is null)
            return new Found<string>(v, "pyproject.toml [project] version");
        var packages = new List<string>();
        if (wsgi is not null && !wsgi.Contains('/'))
            packages.Add(wsgi.Split(':')[0].Split('.')[0]);
        packages.Add(name.Replace('-', '_').Replace('.', '_'));
        foreach (var package in packages.Distinct())
        {
            foreach (var file in new[] { Path.Combine(dir, package, "__init__.py"), Path.Combine(dir, package + ".py") })
            {
                if (!File.Exists(file)) continue;
                foreach (var line in File.ReadLines(file))
                {
                    var match = DunderVersion().Match(line);
                    if (match.Success && ValueRules.Version(match.Groups[1].Value) is null)
                        return new Found<string>(match.Groups[1].Value, $"__version__ in {Path.GetRelativePath(dir, file)}; keep the two in step");
                }
            }
        }
        return new Found<string>(FallbackVersion,
            "nothing declares one (no pyproject.toml [project] version, no __version__): set the version you release");
    }

    private static Found<string>? WsgiEntry(string dir, IReadOnlyList<WsgiCandidate> candidates, List<string> warnings)
    {
        if (File.Exists(Path.Combine(dir, ConfigDefaults.WsgiScript)))
            return new Found<string>($"{ConfigDefaults.WsgiScript}:{ConfigDefaults.WsgiCallable}",
                $"found {ConfigDefaults.WsgiScript}, the deployment-standard script exposing '{ConfigDefaults.WsgiCallable}'");
        if (candidates.Count > 0)
            return new Found<string>(candidates[0].Entry, $"found {candidates[0].Describe()}");
        warnings.Add("no WSGI callable found (no bin/wsgiapp, no module-level `application =`, `def application(` or `app = Flask(`): set wsgi: module:callable in pkgify.yaml");
        return null;
    }

    private static Found<string>? Requirements(string dir, List<string> warnings, out IReadOnlyList<Requirement> pinned)
    {
        pinned = [];
        var file = ConfigDefaults.RequirementsFiles.FirstOrDefault(f => File.Exists(Path.Combine(dir, f)));
        if (file is null)
        {
            warnings.Add("no requirements.txt or dependencies.txt: write the pinned list (pip freeze > requirements.txt), then set requirements:");
            return null;
        }
        try
        {
            pinned = RequirementsFile.Parse(Path.Combine(dir, file)).Items;
        }
        catch (UsageException e)
        {
            warnings.Add(e.Message);
        }
        return new Found<string>(file, $"found {file}; every line must be pinned with ==");
    }

    private static Found<ServerKind> Server(IReadOnlyList<Requirement> pinned, string? requirements, bool hasWsgi, List<string> warnings)
    {
        bool Has(string distribution) => pinned.Any(r => NormalizeDistribution(r.Name) == distribution);
        if (Has("gunicorn"))
            return new Found<ServerKind>(ServerKind.Gunicorn, $"gunicorn is pinned in {requirements}");
        if (Has("uwsgi"))
            return new Found<ServerKind>(ServerKind.Uwsgi, $"uwsgi is pinned in {requirements}");
        if (hasWsgi)
            warnings.Add($"gunicorn is not in {requirements ?? "the requirements"}: add it pinned (e.g. gunicorn==23.0.0) or the service cannot start; or set server.kind: command");
        return new Found<ServerKind>(ServerKind.Gunicorn, $"the default; gunicorn is not in {requirements ?? "the requirements"} yet: add it pinned (e.g. gunicorn==23.0.0)");
    }

    /// <summary>PEP 503 name normalisation: case and runs of '-', '_', '.' do not matter.</summary>
    private static string NormalizeDistribution(string name) => SeparatorRun().Replace(name.ToLowerInvariant(), "-");

    private static (IReadOnlyList<string> Exclude, IReadOnlyList<string> Found) Excludes(string dir, string? wheelhouse)
    {
        var found = new List<string> { ConfigDefaults.FileName };
        if (wheelhouse is not null) found.Add(wheelhouse);
        foreach (var sub in Directory.EnumerateDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, sub!, VenvMarker)) || NeverApplication.Contains(sub, StringComparer.Ordinal)
                || sub!.EndsWith(".egg-info", StringComparison.Ordinal))
                found.Add(sub!);
        }
        var exclude = ConfigDefaults.AppExclude.Concat(found).Distinct(StringComparer.Ordinal).ToList();
        return (exclude, found.Where(f => !ConfigDefaults.AppExclude.Contains(f)).Distinct(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex(@"^__version__\s*(?::\s*str\s*)?=\s*['""]([^'""]+)['""]")]
    private static partial Regex DunderVersion();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex SeparatorRun();
}
