namespace Pkgify.Core.Python;

/// <summary>One pinned requirement of a pip requirements file.</summary>
/// <param name="Name">The distribution name as written (e.g. "Flask").</param>
/// <param name="Version">The exact version after == (or ===).</param>
/// <param name="Extras">Extras in brackets, as written, in file order.</param>
/// <param name="Marker">The PEP 508 environment marker after ';', or null.</param>
/// <param name="Hashes">The --hash values ("sha256:hex"), in file order.</param>
/// <param name="File">The file it came from, relative to the top file's directory.</param>
/// <param name="Line">The line it starts on (1-based; a continued line counts where it starts).</param>
public sealed record Requirement(
    string Name,
    string Version,
    IReadOnlyList<string> Extras,
    string? Marker,
    IReadOnlyList<string> Hashes,
    string File,
    int Line);
