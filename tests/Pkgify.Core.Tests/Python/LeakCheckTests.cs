using System.Text;
using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class LeakCheckTests
{
    private const string Build = "/tmp/pkgify-build-dir/venv";
    private const int Chunk = 1 << 20;

    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = PythonTestTools.NewTempDir("leak");

    private void Write(string relative, byte[] content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    [Test]
    public void Finds_the_path_in_text_binary_and_across_chunk_boundaries_and_nothing_else()
    {
        var needle = Encoding.UTF8.GetBytes(Build);
        Write("clean.txt", Encoding.UTF8.GetBytes("/tmp/pkgify-build-dir/ven is not it"));
        Write("a/text.cfg", Encoding.UTF8.GetBytes($"prefix = {Build}\n"));
        var straddling = new byte[Chunk + 100];
        Random.Shared.NextBytes(straddling);
        straddling.AsSpan().Replace((byte)'/', (byte)0); // no accidental '/' before the planted copy
        needle.CopyTo(straddling, Chunk - 5);
        Write("b/native.so", straddling);
        var tail = new byte[3 * Chunk];
        needle.CopyTo(tail, tail.Length - needle.Length);
        Write("b/zz-tail.bin", tail);
        File.CreateSymbolicLink(Path.Combine(_dir, "link"), Build + "/bin/python");
        File.CreateSymbolicLink(Path.Combine(_dir, "system-link"), "/usr/bin/python3.11");

        LeakCheck.Scan(_dir, [Build]).ShouldBe(["a/text.cfg", "b/native.so", "b/zz-tail.bin", "link"]);
    }

    [Test]
    public void Any_of_several_paths_counts_and_links_to_directories_are_not_followed()
    {
        Write("lib/x.txt", Encoding.UTF8.GetBytes("/other/place"));
        File.CreateSymbolicLink(Path.Combine(_dir, "lib64"), "lib");

        LeakCheck.Scan(_dir, [Build, "/other/place"]).ShouldBe(["lib/x.txt"]);
    }

    [Test]
    public void A_fifo_is_not_opened()
    {
        // Opening a FIFO without a writer blocks: the scan must finish regardless.
        PythonTestTools.RunOk("mkfifo", Path.Combine(_dir, "pipe"));
        var scan = Task.Run(() => LeakCheck.Scan(_dir, [Build]));
        scan.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        scan.Result.ShouldBeEmpty();
    }
}
