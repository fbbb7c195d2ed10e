namespace Pkgify.Formats.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TempDir(string prefix = "pkgify-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>Path of <paramref name="relative"/> inside the directory.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in /tmp are harmless; a failed cleanup must not hide the test result.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
