using System.Security.Cryptography;
using Pkgify.Core.Diagnostics;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Core.Progress;
using Pkgify.Core.Writers;

namespace Pkgify.Core.Output;

/// <summary>Runs each writer over the model and puts its package at its conventional name, atomically.</summary>
public static class PackageEmitter
{
    /// <summary>Writes one package per writer into <paramref name="outputDirectory"/>.</summary>
    /// <param name="progress">Told of each package as a step whose size is the payload bytes read.</param>
    public static IReadOnlyList<PackResult> Emit(PackageModel model, IEnumerable<IPackageWriter> writers, string outputDirectory,
        IProgressSink? progress = null)
    {
        progress ??= ProgressSink.None;
        OutputDirectory.Prepare(outputDirectory);
        ReturnScanGarbage();
        var results = new List<PackResult>();
        foreach (var writer in writers)
        {
            var path = Path.Combine(outputDirectory, writer.FileName(model));
            using var step = progress.Begin($"writing {Path.GetFileName(path)}", CountingFileSource.TotalBytes(model, writer.Family));
            var sha256 = "";
            try
            {
                // Counting wraps every file source in a copy of the model: skip it when nobody watches (-q, --json).
                var counted = progress == ProgressSink.None ? model : CountingFileSource.Wrap(model, step);
                using var phase = PhaseTimer.Start($"write {writer.Family.ToString().ToLowerInvariant()} (total)");
                // The writers copy the compressed payload into the package file to file, in the kernel; the package's
                // own SHA-256 (for --json and the result line) is then read back from the page cache while fsync waits.
                AtomicFile.Write(path, (stream, scratch) => writer.Write(counted, stream, scratch),
                    whileSyncing: handle => sha256 = FileDigest.Sha256Hex(handle));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BuildException($"writing {path} failed: {e.Message}", e);
            }
            var result = new PackResult(writer.Family, path, new FileInfo(path).Length, sha256);
            step.Complete($"{result.Size} bytes");
            results.Add(result);
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
}
