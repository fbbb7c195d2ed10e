using Mono.Unix.Native;
using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Reading;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>inspect and verify given something that is not a file: refused at once, never a blocked open or an endless read.</summary>
public class SpecialFileInputTests
{
    [Test]
    public void A_fifo_or_a_device_is_refused_without_blocking()
    {
        using var tmp = new TempDir("special");
        var fifo = tmp.Path("package.deb");
        Syscall.mkfifo(fifo, FilePermissions.S_IRUSR | FilePermissions.S_IWUSR).ShouldBe(0);
        foreach (var path in new[] { fifo, "/dev/zero" })
        {
            foreach (var read in new Action[] { () => PackageFiles.Inspect(path), () => PackageFiles.Verify(path) })
            {
                var task = Task.Run(() => Should.Throw<UsageException>(read));
                task.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue($"{path}: reading blocked");
                task.Result.Message.ShouldContain("not a regular file");
                task.Result.Message.ShouldContain(path);
            }
        }
    }
}
