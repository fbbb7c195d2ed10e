using System.Runtime.CompilerServices;
using NUnit.Framework;
namespace Pkgify.TestSupport;

/// <summary>
/// Compares text with a committed file under approved/ beside the calling test file, exactly. On a mismatch the actual
/// text is written next to it as NAME.received.txt and the failure shows `diff -u`. Setting
/// PKGIFY_APPROVE=1 writes the approved file instead (and still fails, so nothing passes unseen).
/// </summary>
public static class ApprovedText
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(callerFile)!, "approved");
        var approved = Path.Combine(dir, name + ".txt");
        var received = Path.Combine(dir, name + ".received.txt");
        if (File.Exists(approved) && File.ReadAllText(approved) == actual)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(dir);
        if (Environment.GetEnvironmentVariable("PKGIFY_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
            Assert.Fail($"{approved} written; review it and run the tests again");
        }
        File.WriteAllText(received, actual);
        var diff = File.Exists(approved) ? ToolRunner.Run("diff", ["-u", approved, received]).StdOut : $"(no {approved} yet)\n{actual}";
        Assert.Fail($"rendered text differs from {approved}:\n{diff}");
    }
}
