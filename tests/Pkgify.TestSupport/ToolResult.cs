namespace Pkgify.TestSupport;

/// <summary>What one run of an external tool produced.</summary>
/// <param name="ExitCode">The process exit status.</param>
/// <param name="StdOut">Everything written on standard output, decoded as UTF-8.</param>
/// <param name="StdErr">Everything written on standard error, decoded as UTF-8.</param>
public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);
