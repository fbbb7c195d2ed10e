using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Formats.Compression;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Progress;

/// <summary>Writing packages reports one step per package whose size is the payload the writer reads.</summary>
public class PackageEmitterProgressTests
{
    [Test]
    public void Each_package_is_a_step_whose_bytes_add_up_to_its_payload()
    {
        using var tmp = new TempDir("emit-progress");
        var tree = tmp.Path("tree");
        Directory.CreateDirectory(Path.Combine(tree, "lib"));
        File.WriteAllBytes(Path.Combine(tree, "lib", "a.bin"), new byte[200_000]);
        File.WriteAllText(Path.Combine(tree, "b.txt"), "hello\n");
        File.CreateSymbolicLink(Path.Combine(tree, "link"), "b.txt");
        var sink = new RecordingSink();

        var results = DirectoryPackager.Pack(new PackRequest
        {
            Tree = tree, Name = "counted", Version = "1.0", OutputDirectory = tmp.Path("out"),
            Compression = CompressionKind.Gzip, SourceDateEpoch = 1700000000,
        }, sink);

        var steps = sink.Steps.ToList();
        steps.Select(s => s.Title).ShouldBe(results.Select(r => "writing " + Path.GetFileName(r.Path)));
        foreach (var step in steps)
        {
            step.Total.ShouldBe(200_006);
            step.Done.ShouldBe(200_006, step.Title);
            step.Completed.ShouldBeTrue();
            step.Disposed.ShouldBeTrue();
        }
        steps[0].Summary.ShouldBe($"{results[0].Size} bytes");
    }

    [Test]
    public void A_failed_write_ends_its_step_without_completing_it()
    {
        using var tmp = new TempDir("emit-progress-fail");
        var tree = tmp.Path("tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "x"), "x");
        var sink = new RecordingSink();
        // A file where the output directory should be: writing cannot even start.
        File.WriteAllText(tmp.Path("out"), "");

        Should.Throw<PkgifyException>(() => DirectoryPackager.Pack(new PackRequest
        {
            Tree = tree, Name = "counted", Version = "1.0", OutputDirectory = tmp.Path("out", "sub"), Formats = [PackageFamily.Deb],
        }, sink));

        sink.Steps.ShouldAllBe(s => !s.Completed && s.Disposed);
    }
}
