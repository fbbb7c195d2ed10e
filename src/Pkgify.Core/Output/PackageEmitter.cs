using System.Security.Cryptography;
using Pkgify.Core.Diagnostics;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Core.Writers;

namespace Pkgify.Core.Output;

/// <summary>
/// Runs each writer over the model and puts its package at its conventional name, atomically. The package's
/// SHA-256 (for the result line and --json) is computed from the bytes as they are written: the writers
/// write their output front to back, so no second read of the package is needed.
/// </summary>
public static class PackageEmitter
{
    public static IReadOnlyList<PackResult> Emit(PackageModel model, IEnumerable<IPackageWriter> writers, string outputDirectory)
    {
        CreateOutputDirectory(outputDirectory);
        var results = new List<PackResult>();
        foreach (var writer in writers)
        {
            var path = Path.Combine(outputDirectory, writer.FileName(model));
            var sha256 = "";
            try
            {
                using var phase = PhaseTimer.Start($"write {writer.Family.ToString().ToLowerInvariant()} (total)");
                AtomicFile.Write(path, (stream, scratch) =>
                {
                    using var hashing = new HashingWriteStream(stream, HashAlgorithmName.SHA256, leaveOpen: true);
                    writer.Write(model, hashing, scratch);
                    sha256 = hashing.HexDigest();
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BuildException($"writing {path} failed: {e.Message}", e);
            }
            results.Add(new PackResult(writer.Family, path, new FileInfo(path).Length, sha256));
        }
        return results;
    }

    private static void CreateOutputDirectory(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"output directory '{dir}': cannot be created ({e.Message}): choose a writable directory with -o");
        }
    }
}
