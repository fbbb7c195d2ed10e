using System.Text.RegularExpressions;

namespace Pkgify.Core.Init;

/// <summary>
/// Finds module-level definitions that look like a WSGI callable in a project's top-level modules and
/// packages: <c>application = ...</c> (Django's wsgi.py, PEP 3333's conventional name),
/// <c>def application(</c>, Flask's <c>app = Flask(</c>, and a plain <c>app = ...</c> as a weak hint.
/// It reads text only and never imports anything: the project's code is not run by <c>init</c>.
/// </summary>
public static partial class WsgiLocator
{
    /// <summary>Package nesting searched below a top-level package (Django keeps wsgi.py one level down).</summary>
    private const int MaxDepth = 4;

    /// <summary>Files larger than this are not application entry points worth reading.</summary>
    private const long MaxFileBytes = 1 << 20;

    /// <summary>Stops a scan of a huge tree early; the best candidates are near the top anyway.</summary>
    private const int MaxFiles = 5000;

    private const int StrongScore = 30, FlaskScore = 20, WeakScore = 10, WsgiFileBonus = 5;
    private const string WsgiFileName = "wsgi.py";

    /// <summary>Directories that never hold the application's own modules.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        "__pycache__", "node_modules", "site-packages", "dist", "build", "tests", "test", "migrations",
    };

    /// <summary>Candidates, best first (score, then shallower path, then path order), deterministic.</summary>
    public static IReadOnlyList<WsgiCandidate> Find(string projectDir)
    {
        var found = new List<(WsgiCandidate Candidate, int Depth)>();
        var budget = MaxFiles;
        foreach (var file in Directory.EnumerateFiles(projectDir, "*.py").Order(StringComparer.Ordinal))
            Scan(projectDir, file, [Path.GetFileNameWithoutExtension(file)], found, ref budget);
        foreach (var dir in Directory.EnumerateDirectories(projectDir).Order(StringComparer.Ordinal))
            ScanPackage(projectDir, dir, [Path.GetFileName(dir)], found, ref budget);
        return found
            .OrderByDescending(f => f.Candidate.Score)
            .ThenBy(f => f.Depth)
            .ThenBy(f => f.Candidate.File, StringComparer.Ordinal)
            .ThenBy(f => f.Candidate.Line)
            .Select(f => f.Candidate)
            .ToList();
    }

    private static void ScanPackage(string root, string dir, List<string> module, List<(WsgiCandidate, int)> found, ref int budget)
    {
        var name = Path.GetFileName(dir);
        if (module.Count > MaxDepth || !IsIdentifier(name) || SkippedDirectories.Contains(name)
            || !File.Exists(Path.Combine(dir, "__init__.py")) || IsLink(dir))
            return;
        foreach (var file in Directory.EnumerateFiles(dir, "*.py").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            Scan(root, file, stem == "__init__" ? module : [.. module, stem], found, ref budget);
        }
        foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
            ScanPackage(root, sub, [.. module, Path.GetFileName(sub)], found, ref budget);
    }

    private static void Scan(string root, string file, List<string> module, List<(WsgiCandidate, int)> found, ref int budget)
    {
        if (budget-- <= 0 || !module.All(IsIdentifier) || new FileInfo(file).Length > MaxFileBytes || IsLink(file))
            return;
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (Match(line) is not { } hit) continue;
            var score = hit.Score + (Path.GetFileName(file) == WsgiFileName ? WsgiFileBonus : 0);
            var entry = $"{string.Join('.', module)}:{hit.Callable}";
            found.Add((new WsgiCandidate(entry, relative, lineNumber, line.Trim(), score), module.Count));
        }
    }

    /// <summary>The callable a module-level line defines and how strongly it suggests WSGI, or null.</summary>
    internal static (string Callable, int Score)? Match(string line)
    {
        if (ApplicationAssignment().IsMatch(line) || ApplicationFunction().IsMatch(line))
            return ("application", StrongScore);
        if (FlaskApp().IsMatch(line) || AppFunction().IsMatch(line))
            return ("app", FlaskScore);
        // ASGI frameworks' apps are not WSGI callables: gunicorn's sync workers cannot serve them.
        if (AppAssignment().IsMatch(line) && !AsgiFramework().IsMatch(line))
            return ("app", WeakScore);
        return null;
    }

    private static bool IsIdentifier(string name) => Identifier().IsMatch(name);

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    [GeneratedRegex(@"^application\s*(:[^=]+)?=[^=]")]
    private static partial Regex ApplicationAssignment();

    [GeneratedRegex(@"^def\s+application\s*\(")]
    private static partial Regex ApplicationFunction();

    [GeneratedRegex(@"^app\s*=\s*(flask\.)?Flask\s*\(")]
    private static partial Regex FlaskApp();

    [GeneratedRegex(@"^def\s+app\s*\(\s*environ\b")]
    private static partial Regex AppFunction();

    [GeneratedRegex(@"^app\s*(:[^=]+)?=[^=]")]
    private static partial Regex AppAssignment();

    [GeneratedRegex(@"\b(FastAPI|Starlette|Quart|Sanic|Litestar)\s*\(")]
    private static partial Regex AsgiFramework();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
