namespace Pkgify.Core.Templates;

/// <summary>Where a package installs things on the target (contract: "What a package installs").</summary>
/// <param name="Root">/opt/NAME.</param>
/// <param name="App">/opt/NAME/app: the application code.</param>
/// <param name="Venv">/opt/NAME/venv: the virtualenv.</param>
/// <param name="VenvBin">/opt/NAME/venv/bin.</param>
/// <param name="Wsgi">/opt/NAME/wsgi: import path for a script-style WSGI entry (see <see cref="TemplateWsgi"/>).</param>
/// <param name="Config">/etc/NAME: configuration, removed on purge.</param>
/// <param name="State">/var/lib/NAME: service state, owned by the service user.</param>
/// <param name="Log">/var/log/NAME: logs, owned by the service user.</param>
/// <param name="Runtime">/run/NAME: the unit's RuntimeDirectory.</param>
/// <param name="Doc">/usr/share/doc/NAME.</param>
public sealed record TemplatePaths(
    string Root, string App, string Venv, string VenvBin, string Wsgi,
    string Config, string State, string Log, string Runtime, string Doc)
{
    /// <summary>The standard layout for package <paramref name="name"/>.</summary>
    public static TemplatePaths For(string name)
    {
        var root = $"/opt/{name}";
        return new TemplatePaths(
            Root: root, App: $"{root}/app", Venv: $"{root}/venv", VenvBin: $"{root}/venv/bin", Wsgi: $"{root}/wsgi",
            Config: $"/etc/{name}", State: $"/var/lib/{name}", Log: $"/var/log/{name}", Runtime: $"/run/{name}",
            Doc: $"/usr/share/doc/{name}");
    }
}
