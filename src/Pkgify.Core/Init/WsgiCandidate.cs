namespace Pkgify.Core.Init;

/// <summary>A module-level definition that looks like a WSGI callable.</summary>
/// <param name="Entry">The <c>wsgi:</c> value, e.g. <c>blog.wsgi:application</c>.</param>
/// <param name="File">The file, relative to the project directory, '/'-separated.</param>
/// <param name="Line">The 1-based line of the definition.</param>
/// <param name="Evidence">The line's text, trimmed.</param>
/// <param name="Score">How strongly the line suggests WSGI; higher wins.</param>
public sealed record WsgiCandidate(string Entry, string File, int Line, string Evidence, int Score)
{
    /// <summary>"hello_wsgi/app.py:5 `def application(environ, start_response):`".</summary>
    public string Describe() => $"{File}:{Line} `{Evidence}`";
}
