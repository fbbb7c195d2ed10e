namespace Pkgify.Core.Config;

/// <summary>A position in a configuration file, 1-based, printed the way compilers do: <c>file:line:column</c>.</summary>
public sealed record ConfigLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
