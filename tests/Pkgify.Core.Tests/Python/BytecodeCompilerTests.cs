using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class BytecodeCompilerTests
{
    [Test]
    public void Sources_compile_to_target_named_bytecode_and_a_broken_source_is_reported_not_fatal()
    {
        var dir = PythonTestTools.NewTempDir("pyc");
        Directory.CreateDirectory(Path.Combine(dir, "pkg"));
        File.WriteAllText(Path.Combine(dir, "pkg", "good.py"), "def f():\n    return 1\n");
        File.WriteAllText(Path.Combine(dir, "pkg", "bad.py"), "def f(:\n");
        var interpreter = InterpreterCheck.Validate(PythonTestTools.Python);

        var report = BytecodeCompiler.Compile(dir, "/opt/demo/venv", interpreter);

        report.PycFiles.ShouldBe(1);
        report.Failures.ShouldBe(["pkg/bad.py"]);
        var pyc = Path.Combine(dir, "pkg", "__pycache__", "good.cpython-311.pyc");
        PythonTestTools.PycFlagsAndFilename(pyc).ShouldBe("1 /opt/demo/venv/pkg/good.py");
        LeakCheck.Scan(dir, [dir]).ShouldBeEmpty();
    }
}
