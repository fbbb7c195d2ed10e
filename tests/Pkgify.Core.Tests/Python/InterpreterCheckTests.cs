using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class InterpreterCheckTests
{
    private const string Fix = "use the system interpreter targets have at the same path, e.g. /usr/bin/python3.11";

    /// <summary>A directory /opt/NAME/bin, an allowed location, removed after the test.</summary>
    private string? _optRoot;

    [TearDown]
    public void RemoveOptRoot()
    {
        if (_optRoot is not null && Directory.Exists(_optRoot)) Directory.Delete(_optRoot, recursive: true);
    }

    private string OptBin()
    {
        _optRoot = $"/opt/pkgify-test-{Guid.NewGuid().ToString("N")[..12]}";
        return Directory.CreateDirectory(Path.Combine(_optRoot, "bin")).FullName;
    }

    private static UsageException Refused(string path) => Should.Throw<UsageException>(() => InterpreterCheck.Validate(path));

    [Test]
    public void The_system_interpreter_is_accepted_with_the_version_it_reports()
    {
        var interpreter = InterpreterCheck.Validate(PythonTestTools.Python);

        // python --version prints "Python 3.11.2".
        var reported = PythonTestTools.RunOk(PythonTestTools.Python, "--version").Trim();
        interpreter.ShouldBe(new PythonInterpreter(PythonTestTools.Python, reported["Python ".Length..], "3.11"));
    }

    [Test]
    public void A_pyenv_shim_is_refused_by_its_path() =>
        Refused("/root/.pyenv/shims/python3").Message.ShouldBe(
            $"python: '/root/.pyenv/shims/python3' is a pyenv shim or pyenv-managed interpreter, a per-user install that target hosts do not have: {Fix}");

    [Test]
    public void A_virtualenv_python_is_refused()
    {
        var venv = Path.Combine(PythonTestTools.NewTempDir("interp"), "venv");
        PythonTestTools.RunOk(PythonTestTools.Python, "-m", "venv", "--without-pip", venv);

        var error = Refused(Path.Combine(venv, "bin", "python"));
        error.Message.ShouldBe($"python: '{venv}/bin/python' belongs to the virtualenv {venv} (it has pyvenv.cfg); pkgify builds its own virtualenv from a system interpreter: {Fix}");
        error.ExitCode.ShouldBe(2);
    }

    [Test]
    public void A_bare_name_is_refused() =>
        Refused("python3").Message.ShouldBe($"python: 'python3' is a bare command name that only this host's PATH resolves: {Fix}");

    [Test]
    public void A_relative_path_is_refused() =>
        Refused("bin/python3.11").Message.ShouldStartWith("python: 'bin/python3.11' is a relative path");

    [Test]
    public void A_missing_interpreter_is_refused() =>
        Refused("/usr/bin/python3.99").Message.ShouldStartWith("python: '/usr/bin/python3.99' does not exist on this build host");

    [Test]
    public void An_interpreter_outside_system_locations_is_refused()
    {
        var copy = Path.Combine(PythonTestTools.NewTempDir("interp"), "python3.11");
        File.Copy(PythonTestTools.Python, copy);
        PythonTestTools.RunOk("chmod", "755", copy);

        Refused(copy).Message.ShouldStartWith($"python: '{copy}' is not in a system location (/usr/bin, /bin, /usr/local/bin, /opt/*/bin)");
    }

    [Test]
    public void A_wrapper_script_in_a_system_location_is_refused()
    {
        var shim = Path.Combine(OptBin(), "python3");
        File.WriteAllText(shim, "#!/bin/sh\nexec /usr/bin/python3.11 \"$@\"\n");
        PythonTestTools.RunOk("chmod", "755", shim);

        Refused(shim).Message.ShouldStartWith($"python: '{shim}' is a script (it starts with #!)");
    }

    [Test]
    public void A_program_that_is_not_python_is_refused_because_it_does_not_run_as_python()
    {
        var impostor = Path.Combine(OptBin(), "python3");
        File.Copy("/bin/false", impostor);

        Refused(impostor).Message.ShouldStartWith($"python: '{impostor}' did not run as Python 3 (exit 1)");
    }

    [Test]
    public void The_configured_location_is_named_in_messages() =>
        Should.Throw<UsageException>(() => InterpreterCheck.Validate("python3", "pkgify.yaml:9: python"))
            .Message.ShouldStartWith("pkgify.yaml:9: python: 'python3' is a bare command name");
}
