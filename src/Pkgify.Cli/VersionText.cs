using System.Reflection;

namespace Pkgify.Cli;

/// <summary><c>pkgify --version</c>: the version, and the commit it was built from when known.</summary>
internal static class VersionText
{
    public static string Line
    {
        get
        {
            var informational = typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            // The SDK appends "+<commit>" (SourceRevisionId) to the informational version.
            var plus = informational.IndexOf('+');
            return plus < 0
                ? $"pkgify {informational}"
                : $"pkgify {informational[..plus]} (commit {informational[(plus + 1)..][..Math.Min(12, informational.Length - plus - 1)]})";
        }
    }
}
