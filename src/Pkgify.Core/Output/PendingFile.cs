namespace Pkgify.Core.Output;

/// <summary>
/// A file already written and flushed beside its target under <see cref="AtomicFile"/>'s temp name, not yet
/// renamed into place. Writers of several related files (an apt index and the Release that lists it) prepare
/// them all first and then commit them back to back, so a run killed while it computes, compresses or fsyncs
/// leaves every final name untouched; only the renames themselves, microseconds apart, remain a window.
/// Disposing an uncommitted file deletes its temp file.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private bool _committed;

    internal PendingFile(string finalPath, string tempPath)
    {
        FinalPath = finalPath;
        TempPath = tempPath;
    }

    /// <summary>Where the file goes on <see cref="Commit"/>.</summary>
    public string FinalPath { get; }

    /// <summary>Where the complete bytes are now (readable until the commit).</summary>
    public string TempPath { get; }

    /// <summary>Renames the file into place (rename(2): readers see the old or the new file, never a mix).</summary>
    public void Commit()
    {
        File.Move(TempPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
            AtomicFile.TryDelete(TempPath);
    }
}
