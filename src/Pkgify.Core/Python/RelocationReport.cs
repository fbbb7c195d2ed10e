namespace Pkgify.Core.Python;

/// <summary>What <see cref="VenvRelocator"/> changed; paths relative to the venv, sorted ordinally.</summary>
/// <param name="RewrittenFiles">Files whose content now names the target instead of the build path (RECORD files included).</param>
/// <param name="RemovedFiles">Files removed (direct_url.json pointing into the build directory).</param>
/// <param name="RelinkedSymlinks">Absolute links into the build tree made relative.</param>
public sealed record RelocationReport(
    IReadOnlyList<string> RewrittenFiles,
    IReadOnlyList<string> RemovedFiles,
    IReadOnlyList<string> RelinkedSymlinks);
