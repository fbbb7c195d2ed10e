using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

/// <summary>Relocation of a hand-made venv tree holding every kind of file the relocator edits.</summary>
public class VenvRelocatorTests
{
    private const string Target = "/opt/demo/venv";
    private const string Site = "lib/python3.11/site-packages";
    private const string DistInfo = Site + "/demo-1.0.dist-info";

    private string _build = "";

    [SetUp]
    public void MakeVenv()
    {
        _build = Path.Combine(PythonTestTools.NewTempDir("reloc"), "build", "venv");
        Write("bin/tool", $"#!{_build}/bin/python\nprint(1)\n");
        Write("bin/activate", $"VIRTUAL_ENV={_build}\nexport VIRTUAL_ENV\nPATH=\"$VIRTUAL_ENV/bin:$PATH\"\n");
        Write("bin/activate.csh", $"setenv VIRTUAL_ENV {_build}\n");
        Write("bin/activate.fish", $"set -gx VIRTUAL_ENV {_build}\n");
        Write("bin/Activate.ps1", "$VenvDir = Get-PSScriptRoot\n");
        Write("pyvenv.cfg", $"home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\ncommand = /usr/bin/python3.11 -m venv {_build}\n");
        Write($"{Site}/extra.pth", $"{_build}/src/extra\n");
        Write($"{Site}/demo/__init__.py", "");
        Write("share/demo/data.txt", "abc");
        Write($"{DistInfo}/direct_url.json", $"{{\"url\": \"file://{_build}/wheels/demo-1.0-py3-none-any.whl\", \"archive_info\": {{}}}}");
        Write($"{DistInfo}/RECORD",
            "../../../bin/tool,sha256=stale,10\r\n" +
            "demo/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n" +
            $"{_build}/share/demo/data.txt,sha256=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0,3\r\n" +
            "demo-1.0.dist-info/direct_url.json,sha256=x,1\r\n" +
            "demo-1.0.dist-info/RECORD,,\r\n");
        File.CreateSymbolicLink(At("bin/python3.11"), "/usr/bin/python3.11");
        File.CreateSymbolicLink(At("bin/python"), "python3.11");
        File.CreateSymbolicLink(At("bin/tool-link"), $"{_build}/bin/tool");
        File.CreateSymbolicLink(At("lib64"), "lib");
    }

    private string At(string relative) => Path.Combine(_build, relative);

    private void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllText(At(relative), content);
    }

    [Test]
    public void Every_venv_file_naming_the_build_path_is_rewritten()
    {
        var report = VenvRelocator.Relocate(_build, _build, Target);

        File.ReadAllText(At("bin/tool")).ShouldBe($"#!{Target}/bin/python\nprint(1)\n");
        File.ReadAllText(At("bin/activate")).ShouldBe($"VIRTUAL_ENV={Target}\nexport VIRTUAL_ENV\nPATH=\"$VIRTUAL_ENV/bin:$PATH\"\n");
        File.ReadAllText(At("bin/activate.csh")).ShouldBe($"setenv VIRTUAL_ENV {Target}\n");
        File.ReadAllText(At("bin/activate.fish")).ShouldBe($"set -gx VIRTUAL_ENV {Target}\n");
        File.ReadAllText(At("pyvenv.cfg")).ShouldBe($"home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\ncommand = /usr/bin/python3.11 -m venv {Target}\n");
        File.ReadAllText(At($"{Site}/extra.pth")).ShouldBe($"{Target}/src/extra\n");
        File.Exists(At($"{DistInfo}/direct_url.json")).ShouldBeFalse();

        var tool = RecordDigest.Of(At("bin/tool"));
        File.ReadAllText(At($"{DistInfo}/RECORD")).ShouldBe(
            $"../../../bin/tool,{tool.Hash},{tool.Size}\r\n" +
            "demo/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n" +
            $"{Target}/share/demo/data.txt,sha256=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0,3\r\n" +
            "demo-1.0.dist-info/RECORD,,\r\n");

        report.RewrittenFiles.ShouldBe(["bin/activate", "bin/activate.csh", "bin/activate.fish", "bin/tool", $"{DistInfo}/RECORD", $"{Site}/extra.pth", "pyvenv.cfg"]);
        report.RemovedFiles.ShouldBe([$"{DistInfo}/direct_url.json"]);
        report.RelinkedSymlinks.ShouldBe(["bin/tool-link"]);
    }

    [Test]
    public void Links_into_the_build_tree_become_relative_and_others_stay()
    {
        VenvRelocator.Relocate(_build, _build, Target);

        new FileInfo(At("bin/tool-link")).LinkTarget.ShouldBe("tool");
        new FileInfo(At("bin/python3.11")).LinkTarget.ShouldBe("/usr/bin/python3.11");
        new FileInfo(At("bin/python")).LinkTarget.ShouldBe("python3.11");
        new FileInfo(At("lib64")).LinkTarget.ShouldBe("lib");
    }

    [Test]
    public void A_file_still_naming_the_build_path_fails_the_build_and_is_named()
    {
        Write($"{Site}/demo/settings.json", $"{{\"root\": \"{_build}/data\"}}");

        var error = Should.Throw<BuildException>(() => VenvRelocator.Relocate(_build, _build, Target));

        error.Message.ShouldStartWith($"1 file(s) in the virtualenv still name the build directory {_build} after relocation: {Site}/demo/settings.json: ");
        error.ExitCode.ShouldBe(1);
    }

    [Test]
    public void Many_leaks_are_listed_up_to_twenty_and_counted()
    {
        for (var i = 0; i < 25; i++) Write($"share/leak{i:00}.txt", _build);

        var error = Should.Throw<BuildException>(() => VenvRelocator.Relocate(_build, _build, Target));

        error.Message.ShouldContain("25 file(s)");
        error.Message.ShouldContain("share/leak19.txt and 5 more: ");
        error.Message.ShouldNotContain("leak20");
    }

    [Test]
    public void A_target_containing_the_build_path_is_refused() =>
        Should.Throw<ArgumentException>(() => VenvRelocator.Relocate(_build, _build, _build + "2"));
}
