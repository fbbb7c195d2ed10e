namespace Pkgify.Core.Config;

/// <summary>Value of <c>server.kind</c>.</summary>
public enum ServerKind
{
    /// <summary>gunicorn from the virtualenv serves the WSGI callable.</summary>
    Gunicorn,
    /// <summary>uWSGI from the virtualenv serves the WSGI callable.</summary>
    Uwsgi,
    /// <summary><c>server.command</c> is run as is.</summary>
    Command,
}
