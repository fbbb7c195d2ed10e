using Pkgify.Core.Diagnostics;

namespace Pkgify.Core.Output;

/// <summary>
/// Writes a file so that readers only ever see the old complete file or the new complete file: the bytes go
/// to a temp file beside the target (same file system, so rename(2) is atomic), are flushed to disk, and the
/// temp file is renamed over the target only when writing succeeded. A failed or killed run leaves at most a
/// temp file, which the next run for the same target removes.
/// </summary>
public static class AtomicFile
{
    private const string TempMarker = ".pkgify-tmp";

    public static void Write(string finalPath, Action<FileStream, ScratchSpace> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(finalPath))!;
        var name = Path.GetFileName(finalPath);
        RemoveStaleTemps(dir, name);
        var temp = Path.Combine(dir, $".{name}{TempMarker}-{Environment.ProcessId}");
        using var scratch = new ScratchSpace(temp);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream, scratch);
                using var phase = PhaseTimer.Start("fsync");
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, finalPath, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void RemoveStaleTemps(string dir, string name)
    {
        if (!Directory.Exists(dir))
            return;
        foreach (var stale in Directory.EnumerateFiles(dir, $".{name}{TempMarker}-*"))
            TryDelete(stale);
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is removed by the next run for the same target.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
