using System.Security.Cryptography;
using Pkgify.Core.Diagnostics;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Core.Writers;

namespace Pkgify.Core.Output;

/// <summary>Runs each writer over the model and puts its package at its conventional name, atomically.</summary>
public static class PackageEmitter
{
    public static IReadOnlyList<PackResult> Emit(PackageModel model, IEnumerable<IPackageWriter> writers, string outputDirectory)
    {
        CreateOutputDirectory(outputDirectory);
        var results = new List<PackResult>();
        foreach (var writer in writers)
        {
            var path = Path.Combine(outputDirectory, writer.FileName(model));
            try
            {
                using var phase = PhaseTimer.Start($"write {writer.Family.ToString().ToLowerInvariant()} (total)");
                AtomicFile.Write(path, (stream, scratch) => writer.Write(model, stream, scratch));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BuildException($"writing {path} failed: {e.Message}", e);
            }
            results.Add(new PackResult(writer.Family, path, new FileInfo(path).Length, Sha256Of(path)));
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

    private static string Sha256Of(string path)
    {
        using var phase = PhaseTimer.Start("sha256 of the package");
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
