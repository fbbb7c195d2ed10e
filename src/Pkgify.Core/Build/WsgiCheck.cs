using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Python;

namespace Pkgify.Core.Build;

/// <summary>
/// Imports the configured WSGI callable with the built virtualenv, so a typo or a missing dependency
/// fails the build instead of the first start in production.
/// </summary>
public static class WsgiCheck
{
    private const string Probe = """
        import importlib, runpy, sys
        app, module, script, name = sys.argv[1:5]
        sys.path.insert(0, app)
        scope = runpy.run_path(script) if script else vars(importlib.import_module(module))
        if not callable(scope.get(name)):
            raise SystemExit(f"{script or module} has no callable named {name!r}")
        """;

    public static void Run(string venvDir, ProjectConfig config)
    {
        if (config.Wsgi is not { } wsgi)
            return;
        var python = Path.Combine(venvDir, "bin", "python");
        var script = wsgi.ScriptPath is null ? "" : Path.Combine(config.App.Source, wsgi.ScriptPath);
        var errors = new List<string>();
        var env = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1", ["PYTHONPATH"] = null };
        var result = ChildProcess.Run(python, new[] { "-c", Probe, config.App.Source, wsgi.Module ?? "", script, wsgi.Callable },
            env, _ => { }, line => errors.Add(line), TimeSpan.FromMinutes(2));
        if (result.ExitCode == 0)
            return;
        var reason = errors.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {result.ExitCode}";
        throw new BuildException(
            $"{config.Origins.Describe("wsgi")}: wsgi '{wsgi}' does not import in the built virtualenv: {reason} " +
            "(check the module path and that requirements include what it imports)");
    }
}
