using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class NativeCodeScanTests
{
    [Test]
    public void Only_regular_elf_files_count_and_links_are_not_followed()
    {
        var dir = PythonTestTools.NewTempDir("elf");
        Directory.CreateDirectory(Path.Combine(dir, "bin"));
        File.WriteAllText(Path.Combine(dir, "tiny"), "\u007fE");
        File.WriteAllText(Path.Combine(dir, "script"), "#!/bin/sh\n");
        File.CreateSymbolicLink(Path.Combine(dir, "bin", "python3.11"), PythonTestTools.Python);
        NativeCodeScan.HasNativeCode(dir).ShouldBeFalse();

        File.Copy("/bin/true", Path.Combine(dir, "bin", "true"));
        NativeCodeScan.HasNativeCode(dir).ShouldBeTrue();
        NativeCodeScan.ElfFiles(dir).ShouldBe(["bin/true"]);
    }
}
