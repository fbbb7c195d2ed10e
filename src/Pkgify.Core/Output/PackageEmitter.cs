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
        var results = new List<PackResult>();
        foreach (var writer in writers)
        {
            var path = Path.Combine(outputDirectory, writer.FileName(model));
            using var step = progress.Begin($"writing {Path.GetFileName(path)}", CountingFileSource.TotalBytes(model, writer.Family));
            var sha256 = "";
            try
            {
                var counted = CountingFileSource.Wrap(model, step);
                using var phase = PhaseTimer.Start($"write {writer.Family.ToString().ToLowerInvariant()} (total)");
                // The package's own SHA-256 (for --json and the result line) is taken as it is written: no re-read.
                AtomicFile.Write(path, (stream, scratch) =>
                {
                    using var hashing = new HashingWriteStream(stream, HashAlgorithmName.SHA256, leaveOpen: true);
                    writer.Write(counted, hashing, scratch);
                    sha256 = hashing.HexDigest();
                });
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
}
