using Pkgify.Core.Diagnostics;

namespace Pkgify.Core.Output;

/// <summary>
/// Writes a file so that readers only ever see the old complete file or the new complete file: the bytes go
/// to a temp file beside the target (same file system, so rename(2) is atomic), are flushed to disk, and the
/// temp file is renamed over the target only when writing succeeded. A failed or killed run leaves at most its
/// temp files (all named <c>.NAME.pkgify-tmp-PID...</c>), which the next run for the same target removes once
/// process PID is gone (<see cref="StaleTemps"/>).
/// </summary>
public static class AtomicFile
{
    private const string TempMarker = ".pkgify-tmp";

    /// <param name="finalPath">The target.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="whileSyncing">
    /// Runs once the content is written, while it is flushed to disk on another thread: it may read the file
    /// through the handle (positional reads, e.g. <see cref="RandomAccess.Read(Microsoft.Win32.SafeHandles.SafeFileHandle, Span{byte}, long)"/>),
    /// so a digest of the finished file costs no time of its own next to fsync's wait for the disk.
    /// </param>
    public static void Write(string finalPath, Action<FileStream, ScratchSpace> write,
        Action<Microsoft.Win32.SafeHandles.SafeFileHandle>? whileSyncing = null)
    {
        using var pending = Prepare(finalPath, write, whileSyncing);
        pending.Commit();
    }

    /// <summary>
    /// The first half of <see cref="Write"/>: the bytes written and flushed under the temp name, ready for
    /// <see cref="PendingFile.Commit"/> (disposing the result without committing removes them).
    /// </summary>
    public static PendingFile Prepare(string finalPath, Action<FileStream, ScratchSpace> write,
        Action<Microsoft.Win32.SafeHandles.SafeFileHandle>? whileSyncing = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(finalPath))!;
        var name = Path.GetFileName(finalPath);
        StaleTemps.RemoveFiles(dir, TempPrefix(name));
        var temp = Path.Combine(dir, TempPrefix(name) + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var pending = new PendingFile(finalPath, temp);
        try
        {
            using var scratch = new ScratchSpace(temp);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream, scratch);
                stream.Flush();
                using var phase = PhaseTimer.Start(whileSyncing is null ? "fsync" : "fsync, digest");
                if (whileSyncing is null)
                {
                    stream.Flush(flushToDisk: true);
                }
                else
                {
                    // The buffer is empty now: Flush(true) only calls fsync(2), which is safe beside pread(2) on the same descriptor.
                    var sync = Task.Run(() => stream.Flush(flushToDisk: true));
                    try
                    {
                        whileSyncing(stream.SafeFileHandle);
                    }
                    finally
                    {
                        sync.GetAwaiter().GetResult();
                    }
                }
            }

            return pending;
        }
        catch
        {
            pending.Dispose();
            throw;
        }
    }

    /// <summary>What every temp file for <paramref name="targetName"/> starts with, before the writer's process id.</summary>
    public static string TempPrefix(string targetName) => $".{targetName}{TempMarker}-";

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
