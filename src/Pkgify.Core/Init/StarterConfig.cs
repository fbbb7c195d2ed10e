using System.Text;
using Pkgify.Core.Config;

namespace Pkgify.Core.Init;

/// <summary>
/// Renders the <c>pkgify.yaml</c> that <c>pkgify init</c> writes: every key of the configuration appears,
/// either set (with a comment saying why) or commented out (showing its default or an example), so the
/// file documents what can be changed. The text depends only on the survey (no clock, no host names).
/// </summary>
public static class StarterConfig
{
    /// <summary>The file's text for <paramref name="survey"/>.</summary>
    public static string Render(ProjectSurvey survey)
    {
        var w = new Lines();
        var name = survey.Name.Value;
        w.Comment("pkgify.yaml: how `pkgify build` turns this project into a .deb and an .rpm.");
        w.Comment("Written by `pkgify init`. A key that is set says why above it; a commented-out key shows");
        w.Comment("its default or an example. Every key is described in docs/configuration.md.");
        w.Comment("Check the result with `pkgify render`, then build with `pkgify build`.");
        Identity(w, survey, name);
        Python(w, survey);
        Application(w, survey);
        Service(w, survey, name);
        Relations(w, survey);
        Extras(w, survey, name);
        return w.ToString();
    }

    private static void Identity(Lines w, ProjectSurvey s, string name)
    {
        w.Section("What the package is");
        if (s.NameFromPyProject)
            w.Example("name", name, $"Package name: read from {s.Name.Why} at build time; set it here to override.");
        else
            w.Set("name", name, $"Package name (valid for Debian and RPM): {s.Name.Why}.");
        if (s.VersionFromPyProject)
            w.Example("version", s.Version.Value, $"Version: read from {s.Version.Why} at build time; set it here to override.");
        else
            w.Set("version", s.Version.Value, $"Version (PEP 440 allowed: 1.4.2rc1 becomes 1.4.2~rc1): {s.Version.Why}.");
        w.Example("release", ConfigDefaults.Release, "Package release: raise it when the package changes but the version does not.");
        var py = s.PyProject;
        w.Example("summary", py?.Summary ?? "Ledger web service", FromPyProjectOr(py?.Summary, $"One-line summary; default \"{ConfigDefaults.Summary(name)}\"."));
        w.ExampleBlock("description", ["Longer text, several lines."], "Long description.");
        w.Example("maintainer", py?.Maintainer ?? "Ops Team <ops@example.com>", FromPyProjectOr(py?.Maintainer, $"Maintainer; default \"{ConfigDefaults.Maintainer(name)}\"."));
        w.Example("license", py?.License ?? "MIT", FromPyProjectOr(py?.License, $"License; default \"{ConfigDefaults.License}\"."));
        w.Example("homepage", py?.Homepage ?? $"https://example.com/{name}", FromPyProjectOr(py?.Homepage, "Project URL."));
    }

    private static string FromPyProjectOr(string? fromPyProject, string otherwise) =>
        fromPyProject is null ? otherwise : "Read from pyproject.toml [project] at build time; set it here to override.";

    private static void Python(Lines w, ProjectSurvey s)
    {
        w.Section("The virtualenv");
        w.Set("python", s.Python.Value,
            $"The interpreter that builds the virtualenv; targets must have it at this same path (the package depends on it): {s.Python.Why}.");
        if (s.Requirements is { } requirements)
            w.Set("requirements", requirements.Value, $"Pinned requirements: {requirements.Why}.");
        else
            w.Example("requirements", "requirements.txt", "Pinned requirements (every line ==): none found; write one with pip freeze > requirements.txt.");
        if (s.Wheelhouse is { } wheelhouse)
        {
            w.Set("wheelhouse", wheelhouse.Value, $"Wheels: {wheelhouse.Why}.");
            w.Comment("A package index is the alternative to a wheelhouse (never both):");
            w.Example("index_url", "https://pypi.internal/simple", null);
        }
        else
        {
            w.Example("wheelhouse", "wheels/", "Install from a directory of wheels only (pip --no-index --find-links); none found.");
            w.Example("index_url", "https://pypi.internal/simple", "Or a package index; by default pip's own configuration (PIP_INDEX_URL, pip.conf) applies.");
        }
    }

    private static void Application(Lines w, ProjectSurvey s)
    {
        w.Section("The application");
        w.Set("app", null, $"The code installed at /opt/{s.Name.Value}/app.");
        w.Indent(() =>
        {
            w.Set("source", ConfigDefaults.AppSource, "This directory.");
            var found = s.ExcludeFound.Count == 0 ? "" : $"; found here: {string.Join(", ", s.ExcludeFound)}";
            w.SetRaw("exclude", YamlScalar.FlowList(s.Exclude), $"Not application code: VCS data, build output, bytecode caches{found}.");
        });
        if (s.Wsgi is { } wsgi)
            w.Set("wsgi", wsgi.Value, $"The WSGI callable the server runs: {wsgi.Why}.");
        else
            w.Example("wsgi", "ledger.web:application", "The WSGI callable (module:callable): none found; set it.");
        foreach (var other in s.OtherWsgi)
            w.Example("wsgi", other.Entry, $"Another candidate: {other.Describe()}.");
    }

    private static void Service(Lines w, ProjectSurvey s, string name)
    {
        w.Section("How it runs");
        w.Set("server", null, null);
        w.Indent(() =>
        {
            w.Set("kind", s.Server.Value.ToString().ToLowerInvariant(), $"gunicorn | uwsgi | command: {s.Server.Why}.");
            w.Example("bind", ConfigDefaults.Bind(name), "Where it listens (the default: a socket systemd creates), or host:port.");
            w.Example("workers", ConfigDefaults.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "Worker processes.");
            w.Example("command", $"/opt/{name}/venv/bin/python -m {name.Replace('-', '_')}.serve", "With kind: command, the command line to run instead of a WSGI server.");
        });
        w.Comment("The systemd service's user (created on install) and environment file.");
        w.Code("service:");
        w.Example("  user", ConfigDefaults.User(name), null);
        w.Example("  environment_file", ConfigDefaults.EnvironmentFile(name), null);
    }

    private static void Relations(Lines w, ProjectSurvey s)
    {
        w.Section("Dependencies on system packages");
        if (s.ExternalDependencies is { } external)
            w.Set("external_dependencies", external.Value, $"System libraries (PEP 345 Requires-External lines): {external.Why}.");
        else
            w.Example("external_dependencies", ConfigDefaults.ExternalDependenciesFile, "System libraries, one PEP 345 Requires-External line each, e.g. libpq (>=9.0).");
        w.Comment("Extra relations per family, and names for external dependencies pkgify does not know:");
        w.Code("depends: { deb: [\"nginx\"], rpm: [\"nginx\"] }");
        w.Code("mappings: { libfoo: { deb: [libfoo2], rpm: [libfoo] } }");
    }

    private static void Extras(Lines w, ProjectSurvey s, string name)
    {
        w.Section("Configuration, hooks, web server, templates");
        w.Comment("Files installed under /etc and kept on upgrade (conffiles / %config(noreplace)):");
        w.Code("config:");
        w.Code("  - source: deploy/local_settings.py");
        w.Code($"    dest: /etc/{name}/local_settings.py");
        w.Code("    mode: \"0640\"");
        w.Comment("A command run after install and upgrade:");
        w.Code("hooks:");
        w.Code(s.HasManagePy
            ? $"  post_install: /opt/{name}/venv/bin/python /opt/{name}/app/manage.py migrate --noinput"
            : $"  post_install: /opt/{name}/venv/bin/python -m {name.Replace('-', '_')}.migrate");
        w.Comment("An nginx site snippet proxying to the server:");
        w.Code("nginx:");
        w.Code($"  server_name: {name}.example.com");
        if (s.Templates is { } templates)
            w.Set("templates", templates.Value, $"Template overrides: {templates.Why}.");
        else
            w.Example("templates", "packaging/templates/", "Overrides of the built-in templates (see docs/templates.md).");
    }

    /// <summary>Accumulates the file's lines with the current indentation.</summary>
    private sealed class Lines
    {
        private const string Unit = "  ";
        private const int Width = 100;
        private readonly StringBuilder _text = new();
        private string _indent = "";

        public void Section(string title) => _text.Append('\n').Append(_indent).Append("# --- ").Append(title).Append('\n');

        /// <summary>A comment, wrapped at word boundaries so lines stay within <see cref="Width"/> columns.</summary>
        public void Comment(string text)
        {
            var line = new StringBuilder();
            foreach (var word in text.Split(' '))
            {
                if (line.Length > 0 && _indent.Length + 2 + line.Length + 1 + word.Length > Width)
                {
                    Code(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            Code(line.ToString());
        }

        /// <summary>Commented-out YAML, never wrapped (uncommenting it must give valid YAML).</summary>
        public void Code(string text) => _text.Append(_indent).Append("# ").Append(text).Append('\n');

        public void Set(string key, string? value, string? why) => SetRaw(key, value is null ? null : YamlScalar.Write(value), why);

        public void SetRaw(string key, string? yaml, string? why)
        {
            if (why is not null) Comment(why);
            _text.Append(_indent).Append(key).Append(':').Append(yaml is null ? "" : " " + yaml).Append('\n');
        }

        public void Example(string key, string value, string? why)
        {
            if (why is not null) Comment(why);
            Code($"{key}: {YamlScalar.Write(value)}");
        }

        public void ExampleBlock(string key, IEnumerable<string> lines, string why)
        {
            Comment(why);
            Code($"{key}: |");
            foreach (var line in lines) Code(Unit + line);
        }

        public void Indent(Action body)
        {
            var outer = _indent;
            _indent += Unit;
            body();
            _indent = outer;
        }

        public override string ToString() => _text.ToString();
    }
}
