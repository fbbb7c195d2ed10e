using System.Text;

namespace Pkgify.TestSupport;

/// <summary>What one run of an external tool produced, with standard output kept as raw bytes (archives, payloads).</summary>
/// <param name="ExitCode">The process exit status.</param>
/// <param name="StdOut">Everything written on standard output, byte for byte.</param>
/// <param name="StdErr">Everything written on standard error, decoded as UTF-8.</param>
public sealed record BinaryToolResult(int ExitCode, byte[] StdOut, string StdErr)
{
    /// <summary>Standard output decoded as UTF-8.</summary>
    public string StdOutText => Encoding.UTF8.GetString(StdOut);
}
