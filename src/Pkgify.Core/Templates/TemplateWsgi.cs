namespace Pkgify.Core.Templates;

/// <summary>
/// The WSGI callable as the servers import it. A script-style entry (<c>bin/wsgiapp</c>, no .py suffix)
/// cannot be imported directly, so the build stages a symlink <see cref="ScriptLink"/> →
/// <see cref="ScriptTarget"/> in <see cref="PythonPath"/>, which the unit adds to the import path.
/// </summary>
/// <param name="Module">Importable module name.</param>
/// <param name="Callable">The callable's name in it.</param>
/// <param name="PythonPath">Extra import directory, or null for a plain module.</param>
/// <param name="ScriptLink">Symlink to stage for a script entry (absolute target path), else null.</param>
/// <param name="ScriptTarget">What the symlink points to (the script in the app directory), else null.</param>
public sealed record TemplateWsgi(string Module, string Callable, string? PythonPath, string? ScriptLink, string? ScriptTarget)
{
    /// <summary>"module:callable", the import string both gunicorn and uWSGI take.</summary>
    public string Target => $"{Module}:{Callable}";
}
