using Pkgify.Core.Progress;

namespace Pkgify.Core.Build;

/// <summary>Turns pip's output lines into progress: the lines that name a distribution become the step's status, the rest detail.</summary>
internal static class PipProgress
{
    /// <summary>pip's line prefixes for the work on one distribution (pip/_internal/operations/prepare.py, req/req_install.py).</summary>
    private static readonly string[] StatusPrefixes =
        ["Collecting ", "Processing ", "Downloading ", "Building wheel", "Installing collected packages", "Successfully installed "];

    public static void Report(string line, IProgressStep step, IProgressSink sink)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return;
        // A status line is shown once: as the step's status (which plain output prints with -v), else as detail.
        if (StatusPrefixes.Any(p => trimmed.StartsWith(p, StringComparison.Ordinal)))
            step.Status(trimmed);
        else
            sink.Detail(trimmed);
    }
}
