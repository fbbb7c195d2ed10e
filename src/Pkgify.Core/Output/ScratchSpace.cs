namespace Pkgify.Core.Output;

/// <summary>
/// Temp files for intermediate data (a compressed payload waiting for its headers), created in the output
/// directory under the target's temp prefix so that a killed run's leftovers are found and removed by the
/// next run (<see cref="AtomicFile"/>). Everything is deleted on dispose.
/// </summary>
public sealed class ScratchSpace : IDisposable
{
    private readonly string _prefix;
    private readonly List<string> _files = new();

    public ScratchSpace(string pathPrefix) => _prefix = pathPrefix;

    public string NewFile(string purpose)
    {
        var path = $"{_prefix}-{purpose}";
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var f in _files)
            AtomicFile.TryDelete(f);
        _files.Clear();
    }
}
