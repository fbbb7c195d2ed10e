using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Pack;

public class PackScriptsTests
{
    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("pack-scripts");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [TestCase("#!/bin/bash -e\necho hi\n", "/bin/bash -e", "#!/bin/bash -e\necho hi\n", TestName = "Shebang with an argument")]
    [TestCase("#! /usr/bin/python3\nprint(1)\n", "/usr/bin/python3", "#! /usr/bin/python3\nprint(1)\n", TestName = "Shebang with a space")]
    [TestCase("echo hi\n", "/bin/sh", "#!/bin/sh\necho hi\n", TestName = "No shebang")]
    public void The_interpreter_comes_from_the_shebang_and_dpkg_always_gets_one(string text, string interpreter, string debBody)
    {
        var files = new Dictionary<ScriptPhase, string> { [ScriptPhase.PostInstall] = Write("s", text) };

        var deb = PackScripts.Load(files, PackageFamily.Deb).Get(ScriptPhase.PostInstall)!;
        var rpm = PackScripts.Load(files, PackageFamily.Rpm).Get(ScriptPhase.PostInstall)!;

        (deb.Body, deb.Interpreter).ShouldBe((debBody, interpreter));
        (rpm.Body, rpm.Interpreter).ShouldBe((text, interpreter));
    }

    [Test]
    public void Unreadable_binary_or_huge_scripts_are_usage_errors_naming_the_option()
    {
        var cases = new Dictionary<string, (string Path, string Expected)>
        {
            ["missing"] = (_tmp.Path("nope"), "cannot be read"),
            ["nul"] = (Write("nul", "echo\0hi\n"), "NUL"),
            ["latin1"] = (WriteBytes("latin1", [0x65, 0xE9, 0x0A]), "not UTF-8"),
            ["huge"] = (WriteBytes("huge", new byte[(1 << 20) + 1]), "too large"),
        };
        foreach (var (name, (path, expected)) in cases)
        {
            var files = new Dictionary<ScriptPhase, string> { [ScriptPhase.PreRemove] = path };
            var e = Should.Throw<UsageException>(() => PackScripts.Load(files, PackageFamily.Rpm), name);
            e.Message.ShouldStartWith("--before-remove", customMessage: name);
            e.Message.ShouldContain(expected, customMessage: name);
        }
    }

    private string Write(string name, string text)
    {
        var path = _tmp.Path(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _tmp.Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
