using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Reading;
using Pkgify.Core.Tests.Writers.Rpm;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Reading;

/// <summary>
/// `inspect` and `verify` on damaged rpms: every outcome is a result or a one-line <see cref="BuildException"/>
/// (exit 1), never another exception, and never a hang.
/// </summary>
public class RpmReadingDamageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private TempDir _tmp = null!;
    private byte[] _rpm = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _tmp = new TempDir("rpm-damage");
        var a = RpmModels.File("/opt/damage/a.txt", "alpha\n");
        var model = RpmModels.Normalize("damage", "1.0",
        [
            RpmModels.Directory("/opt/damage"), a,
            a with { Path = "/opt/damage/b.txt", Kind = FileKind.Hardlink, LinkTarget = "/opt/damage/a.txt" },
            new("/opt/damage/link", FileKind.Symlink, 0x1FF, RpmModels.Epoch, LinkTarget: "a.txt"),
        ]);
        _rpm = File.ReadAllBytes(RpmModels.Write(model, _tmp.Path("out"), Formats.Compression.CompressionKind.Gzip));
    }

    [OneTimeTearDown]
    public void CleanUp() => _tmp.Dispose();

    [Test]
    public void The_intact_package_inspects_and_verifies()
    {
        var path = Save(_rpm);
        PackageFiles.Inspect(path).Files.Select(f => f.Type).ShouldBe(["dir", "file", "hardlink", "symlink"]);
        PackageFiles.Verify(path).ShouldBeEmpty();
    }

    [Test]
    public void Truncation_anywhere_is_reported_as_damage()
    {
        BoundedRun.Within(Limit, () =>
        {
            for (int length = 0; length < _rpm.Length; length += Math.Max(1, _rpm.Length / 300))
            {
                var path = Save(_rpm[..length]);
                Should.Throw<BuildException>(() => PackageFiles.Verify(path), $"cut at {length}");
                Outcome(() => PackageFiles.Inspect(path), $"inspect cut at {length}");
            }
        });
    }

    [Test]
    public void Flipped_bytes_give_a_result_or_a_one_line_error()
    {
        var random = new Random(3);
        BoundedRun.Within(Limit, () =>
        {
            for (int round = 0; round < 400; round++)
            {
                var damaged = (byte[])_rpm.Clone();
                int at = random.Next(damaged.Length);
                damaged[at] ^= (byte)(1 << random.Next(8));
                var path = Save(damaged);
                var problems = Outcome(() => PackageFiles.Verify(path), $"verify flip at {at}");
                Outcome(() => PackageFiles.Inspect(path), $"inspect flip at {at}");
                // Every byte of an rpm is covered by a digest or is ignored by rpm (lead fields, reserved space);
                // a flip verify accepts must not be in the digested main header or payload.
                if (problems is { Count: 0 })
                    at.ShouldBeLessThan(_rpm.Length - MainHeaderAndPayloadLength(), $"flip at {at} went unnoticed");
            }
        });
    }

    private int MainHeaderAndPayloadLength()
    {
        using var stream = new MemoryStream(_rpm);
        var package = Formats.Rpm.RpmPackageReader.Open(stream);
        return _rpm.Length - (int)package.PayloadOffset + package.Header.RawBytes.Length;
    }

    private static T? Outcome<T>(Func<T> read, string what) where T : class
    {
        try
        {
            return read();
        }
        catch (BuildException e)
        {
            e.Message.ShouldNotContain("\n", customMessage: what);
            return null;
        }
    }

    private string Save(byte[] bytes)
    {
        var path = _tmp.Path("damaged.rpm");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
