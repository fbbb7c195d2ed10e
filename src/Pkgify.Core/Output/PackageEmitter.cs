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
            using var step = progress.Begin($"writing {Path.GetFileName(path)}", PayloadBytes(model, writer.Family));
            var sha256 = "";
            try
            {
                // The writers report the bytes they read; a copy of the model with counting sources instead would
                // cost ~28 MB of heap for 100,000 files, at the run's peak.
                Action<long>? payloadRead = progress == ProgressSink.None ? null : step.Advance;
                using var phase = PhaseTimer.Start($"write {writer.Family.ToString().ToLowerInvariant()} (total)");
                // The writers copy the compressed payload into the package file to file, in the kernel; the package's
                // own SHA-256 (for --json and the result line) is then read back from the page cache while fsync waits.
                AtomicFile.Write(path, (stream, scratch) => writer.Write(model, stream, scratch, payloadRead),
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

    /// <summary>The bytes a writer of <paramref name="family"/> reads from the model's files: the progress step's size.</summary>
    private static long PayloadBytes(PackageModel model, PackageFamily family) =>
        model.FilesFor(family).Where(f => f.Kind == FileKind.Regular && f.Source is not null).Sum(f => f.Size);

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
