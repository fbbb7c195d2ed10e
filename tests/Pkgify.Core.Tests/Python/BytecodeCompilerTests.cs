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

        report.ShouldBe(new BytecodeReport(1, ["pkg/bad.py"]), new BytecodeReportComparer());
        var pyc = Path.Combine(dir, "pkg", "__pycache__", "good.cpython-311.pyc");
        PythonTestTools.RunOk(PythonTestTools.Python, "-c",
                "import marshal, sys\nf = open(sys.argv[1], 'rb')\nh = f.read(16)\nprint(int.from_bytes(h[4:8], 'little'), marshal.load(f).co_filename)", pyc)
            .ShouldBe("1 /opt/demo/venv/pkg/good.py\n");
        LeakCheck.Scan(dir, [dir]).ShouldBeEmpty();
    }

    private sealed class BytecodeReportComparer : IEqualityComparer<BytecodeReport>
    {
        public bool Equals(BytecodeReport? x, BytecodeReport? y) =>
            x is not null && y is not null && x.PycFiles == y.PycFiles && x.Failures.SequenceEqual(y.Failures);

        public int GetHashCode(BytecodeReport obj) => obj.PycFiles;
    }
}
