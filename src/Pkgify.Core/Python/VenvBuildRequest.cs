namespace Pkgify.Core.Python;

/// <summary>What <see cref="VenvBuilder"/> builds.</summary>
/// <param name="Interpreter">The validated system interpreter the venv is made from.</param>
/// <param name="VenvDir">Absolute directory for the venv; must not exist or be empty.</param>
/// <param name="RequirementsPath">The requirements file, validated by <see cref="RequirementsFile"/>, given to pip as is.</param>
/// <param name="RequireHashes">Run pip with --require-hashes (<see cref="Requirements.HasHashes"/>).</param>
/// <param name="LogPath">Where the output of venv and pip is left, on success and on failure (replaced by each build).</param>
/// <param name="Wheelhouse">Directory of wheels: pip runs with --no-index --find-links it.</param>
/// <param name="IndexUrl">Package index: pip runs with --index-url it.</param>
/// <param name="SourceDateEpoch">Passed to pip as SOURCE_DATE_EPOCH (wheels built from sdists get reproducible timestamps).</param>
public sealed record VenvBuildRequest(
    PythonInterpreter Interpreter,
    string VenvDir,
    string RequirementsPath,
    bool RequireHashes,
    string LogPath,
    string? Wheelhouse = null,
    string? IndexUrl = null,
    long? SourceDateEpoch = null);

/// <summary>A freshly built venv, still at its build path and without bytecode.</summary>
/// <param name="VenvDir">The venv directory.</param>
/// <param name="LogPath">The log of venv creation and pip's output.</param>
public sealed record VenvBuildResult(string VenvDir, string LogPath);
