using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

[NonParallelizable] // some tests set process environment variables that pip inherits
public class VenvBuilderTests
{
    private PythonInterpreter _interpreter = null!;
    private string _dir = "";

    [SetUp]
    public void Prepare()
    {
        _interpreter = InterpreterCheck.Validate(PythonTestTools.Python);
        _dir = PythonTestTools.NewTempDir("venvb");
    }

    private string Requirements(string content)
    {
        var path = Path.Combine(_dir, "requirements.txt");
        File.WriteAllText(path, content);
        return path;
    }

    private VenvBuildRequest Request(string requirements, string? wheelhouse) =>
        new(_interpreter, Path.Combine(_dir, "venv"), requirements, RequireHashes: false,
            LogPath: Path.Combine(_dir, "logs", "pip.log"), Wheelhouse: wheelhouse);

    [Test]
    public void A_requirement_missing_from_the_wheelhouse_fails_with_pips_error_and_the_log()
    {
        var request = Request(Requirements("hello-app==1.0\nnope==1.0\n"), PythonTestTools.Wheelhouse);

        var error = Should.Throw<BuildException>(() => VenvBuilder.Build(request));

        error.Message.ShouldBe(
            "pip install failed (exit 1): ERROR: Could not find a version that satisfies the requirement nope==1.0 (from versions: none) / " +
            $"ERROR: No matching distribution found for nope==1.0; full log: {request.LogPath}");
        var log = File.ReadAllText(request.LogPath);
        log.ShouldContain("-m pip install --no-compile --disable-pip-version-check --no-input --progress-bar off -r ");
        log.ShouldContain("ERROR: No matching distribution found for nope==1.0");
    }

    [Test]
    public void The_users_pip_configuration_is_honoured_and_a_pure_venv_has_no_native_code()
    {
        // No wheelhouse or index in the request: pip finds the wheel only through PIP_* variables.
        using var noIndex = new EnvironmentVariable("PIP_NO_INDEX", "1");
        using var findLinks = new EnvironmentVariable("PIP_FIND_LINKS", PythonTestTools.Wheelhouse);
        var request = Request(Requirements("hello-app==1.0\n"), wheelhouse: null);

        var result = VenvBuilder.Build(request);

        File.ReadAllText(result.LogPath).ShouldContain("Successfully installed hello-app-1.0");
        File.Exists(Path.Combine(result.VenvDir, "bin", "hello-app")).ShouldBeTrue();
        NativeCodeScan.HasNativeCode(result.VenvDir).ShouldBeFalse();
    }

    [Test]
    public void Pip_settings_that_install_outside_the_venv_are_refused()
    {
        using var target = new EnvironmentVariable("PIP_TARGET", "/tmp/elsewhere");

        Should.Throw<UsageException>(() => VenvBuilder.Build(Request(Requirements("hello-app==1.0\n"), PythonTestTools.Wheelhouse)))
            .Message.ShouldBe("environment: PIP_TARGET is set, which makes pip install outside the virtualenv: unset PIP_TARGET for pkgify build");
    }

    [Test]
    public void Wheelhouse_and_index_url_together_are_refused() =>
        Should.Throw<UsageException>(() => VenvBuilder.Build(Request(Requirements(""), PythonTestTools.Wheelhouse) with { IndexUrl = "https://pypi.internal/simple" }))
            .Message.ShouldStartWith("pkgify.yaml: wheelhouse and index_url are both set");

    [Test]
    public void A_non_empty_venv_directory_is_refused()
    {
        var request = Request(Requirements(""), PythonTestTools.Wheelhouse);
        Directory.CreateDirectory(request.VenvDir);
        File.WriteAllText(Path.Combine(request.VenvDir, "old"), "");

        Should.Throw<BuildException>(() => VenvBuilder.Build(request)).Message.ShouldContain("already exists and is not empty");
    }

    /// <summary>Sets an environment variable for the scope of a test.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _old;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _old = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _old);
    }
}
