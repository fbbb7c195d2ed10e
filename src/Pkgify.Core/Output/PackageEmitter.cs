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
        ReturnScanGarbage();
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

    /// <summary>
    /// The scan and the normalizer leave the drafts of every file behind (tens of MB for 100,000 files).
    /// One compacting collection here, between the model and the payload, hands that memory back before the
    /// compressors claim theirs, so the peak is the larger of the two phases, not their sum. It costs a few
    /// tens of milliseconds once per build.
    /// </summary>
    private static void ReturnScanGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
