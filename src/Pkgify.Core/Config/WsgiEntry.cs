namespace Pkgify.Core.Config;

/// <summary>
/// The WSGI callable: either an importable module (<c>ledger.web:application</c>) or a script file
/// inside the application tree (<c>bin/wsgiapp:application</c>, the layout of the deployment-standard
/// proposal). Exactly one of <see cref="Module"/> and <see cref="ScriptPath"/> is set.
/// </summary>
/// <param name="Module">Dotted module name, or null for a script.</param>
/// <param name="ScriptPath">Script path relative to the application directory, '/'-separated, or null for a module.</param>
/// <param name="Callable">Name of the WSGI callable in the module or script.</param>
public sealed record WsgiEntry(string? Module, string? ScriptPath, string Callable)
{
    /// <summary>The entry as pkgify.yaml spells it, e.g. <c>ledger.web:application</c>.</summary>
    public override string ToString() => $"{Module ?? ScriptPath}:{Callable}";
}
