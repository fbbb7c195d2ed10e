using System.Text;

namespace Pkgify.Core.Config;

/// <summary>
/// Defaults for what pkgify.yaml leaves out. They follow the layout a plain WSGI project already has
/// (contract, "pkgify.yaml") so the standard layout needs no configuration at all.
/// </summary>
public static class ConfigDefaults
{
    /// <summary>The configuration file's name in the project directory.</summary>
    public const string FileName = "pkgify.yaml";

    /// <summary>The project metadata file read for name, version, summary and license.</summary>
    public const string PyProjectFileName = "pyproject.toml";

    /// <summary>
    /// Interpreter when <c>python:</c> is absent: the distribution's default Python 3, present on every
    /// Debian/Ubuntu (python3) and RHEL/Fedora (python3) host. Pin a versioned path (python3.11) for
    /// artefacts that must name the exact interpreter.
    /// </summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Release when absent.</summary>
    public const string Release = "1";

    /// <summary>Requirements files tried in order (the second is the deployment-standard name).</summary>
    public static readonly IReadOnlyList<string> RequirementsFiles = ["requirements.txt", "dependencies.txt"];

    /// <summary>External dependency list used when present.</summary>
    public const string ExternalDependenciesFile = "external-dependencies.txt";

    /// <summary>The deployment-standard WSGI script, relative to the application directory.</summary>
    public const string WsgiScript = "bin/wsgiapp";

    /// <summary>The callable the deployment-standard script exposes.</summary>
    public const string WsgiCallable = "application";

    /// <summary>Application directory, relative to the project directory.</summary>
    public const string AppSource = ".";

    /// <summary>Never packaged by default: VCS data, build output, bytecode caches.</summary>
    public static readonly IReadOnlyList<string> AppExclude = [".git", "dist", "**/__pycache__"];

    /// <summary>Server when absent.</summary>
    public const ServerKind Server = ServerKind.Gunicorn;

    /// <summary>Workers when absent (gunicorn's own default is 1; two keep serving while one is busy).</summary>
    public const int Workers = 2;

    /// <summary>Upper bound for <c>server.workers</c>.</summary>
    public const int MaxWorkers = 1024;

    /// <summary>
    /// Mode of config files when <c>mode:</c> is absent: configuration may hold credentials, so root writes it
    /// and only the service's group reads it (the file is packaged root:&lt;service user&gt;, issue 8).
    /// </summary>
    public const UnixFileMode ConfigMode = (UnixFileMode)0b110_100_000; // 0640

    /// <summary>License when neither pkgify.yaml nor pyproject.toml names one.</summary>
    public const string License = "unknown";

    /// <summary>The socket the service listens on: inside its RuntimeDirectory, so systemd creates it.</summary>
    public static string Bind(string name) => $"unix:/run/{name}/{name}.sock";

    /// <summary>The environment file read by the unit.</summary>
    public static string EnvironmentFile(string name) => $"/etc/{name}/{name}.env";

    /// <summary>Summary when none is given. It avoids starting with the package name (lintian description-starts-with-package-name).</summary>
    public static string Summary(string name) => $"Python web application {name}";

    /// <summary>Maintainer when none is given anywhere.</summary>
    public static string Maintainer(string name) => $"{name} maintainers <root@localhost>";

    /// <summary>
    /// The service user derived from the package name: '.' and '+' (allowed in package names, not in
    /// user names) become '-', a leading digit gets a '_' prefix, and the result is cut to 32 characters.
    /// </summary>
    public static string User(string name)
    {
        var user = new StringBuilder();
        if (name.Length > 0 && char.IsAsciiDigit(name[0])) user.Append('_');
        foreach (var c in name) user.Append(c is '.' or '+' ? '-' : c);
        return user.Length > ValueRules.MaxUserNameLength ? user.ToString(0, ValueRules.MaxUserNameLength) : user.ToString();
    }

    /// <summary>
    /// A package name from a directory or Python project name: lowercase, runs of other characters
    /// become '-', leading and trailing separators are dropped ("My_App" → "my-app"). May still be
    /// invalid (e.g. one character); callers validate.
    /// </summary>
    public static string NormalizeName(string raw)
    {
        var name = new StringBuilder();
        foreach (var c in raw.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '+';
            if (keep) name.Append(c);
            else if (name.Length > 0 && name[^1] != '-') name.Append('-');
        }
        return name.ToString().Trim('-');
    }
}
