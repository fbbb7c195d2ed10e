using NUnit.Framework;

namespace Pkgify.TestSupport;

/// <summary>
/// An exclusive advisory lock on a file, shared between test processes: .NET opens a
/// FileShare.None stream with flock(LOCK_EX|LOCK_NB), so a second holder (another process
/// or another stream in this one) gets an IOException until the first disposes.
/// </summary>
public sealed class FileLock : IDisposable
{
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    readonly FileStream stream;

    FileLock(FileStream stream) => this.stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock, failing the test past it.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(PollInterval);
            }
            catch (IOException e)
            {
                Assert.Fail($"could not lock {path} within {timeout}: {e.Message}");
                throw; // unreachable: Assert.Fail throws
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => stream.Dispose();
}
