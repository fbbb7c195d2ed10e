using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

/// <summary>
/// The whole Python side with the real interpreter and pip, offline: two venvs are built from
/// the fixture wheelhouse under long (> 127 byte) build paths, relocated to one target path and
/// compiled; then one of them is moved to the target path and used there.
/// </summary>
[NonParallelizable]
public class VenvEndToEndTests
{
    private const string SitePackages = "lib/python3.11/site-packages";

    private PythonInterpreter _interpreter = null!;
    private string _target = "";
    private string _buildA = "";
    private string _headerBeforeRelocation = "";
    private IReadOnlyList<string> _leaksBeforeRelocation = [];
    private IReadOnlyList<string> _leaksAfterCompile = [];
    private BytecodeReport _bytecode = null!;
    private List<string> _snapshotA = [];
    private List<string> _snapshotB = [];

    [OneTimeSetUp]
    public void BuildRelocateCompileAndMove()
    {
        _interpreter = InterpreterCheck.Validate(PythonTestTools.Python);
        var requirements = WriteRequirements();
        _target = Path.Combine(PythonTestTools.NewTempDir("opt"), "venv");

        _buildA = Build(requirements, 'a');
        _headerBeforeRelocation = string.Join('\n', File.ReadLines(Path.Combine(_buildA, "bin", "hello-app")).Take(3)) + "\n";
        _leaksBeforeRelocation = LeakCheck.Scan(_buildA, [_buildA]);
        var buildB = Build(requirements, 'b');

        foreach (var build in new[] { _buildA, buildB })
        {
            VenvRelocator.Relocate(build, build, _target);
            _bytecode = BytecodeCompiler.Compile(build, _target, _interpreter);
        }
        _leaksAfterCompile = LeakCheck.Scan(_buildA, [_buildA]);
        _snapshotA = Snapshot(_buildA);
        _snapshotB = Snapshot(buildB);

        Directory.Move(_buildA, _target);
    }

    /// <summary>requirements.txt with an include, a continuation, a marker and hashes, as pip must accept them.</summary>
    private static Requirements WriteRequirementsFile(string dir)
    {
        var wheels = PythonTestTools.Wheelhouse;
        var hello = PythonTestTools.PipHash(Path.Combine(wheels, "hello_app-1.0-py3-none-any.whl"));
        var fastsum = PythonTestTools.PipHash(Directory.GetFiles(wheels, "fastsum-0.3-*.whl").Single());
        File.WriteAllText(Path.Combine(dir, "base.txt"), $"hello-app==1.0 ; python_version >= \"3\" --hash={hello}\n");
        File.WriteAllText(Path.Combine(dir, "requirements.txt"),
            $"# the application's dependencies\n-r base.txt\nfastsum==0.3 \\\n    --hash={fastsum}\n");
        return RequirementsFile.Parse(Path.Combine(dir, "requirements.txt"));
    }

    private static string WriteRequirements()
    {
        var dir = PythonTestTools.NewTempDir("reqs");
        var parsed = WriteRequirementsFile(dir);
        parsed.HasHashes.ShouldBeTrue();
        parsed.Items.Select(r => r.Name).ShouldBe(["hello-app", "fastsum"]);
        return Path.Combine(dir, "requirements.txt");
    }

    private string Build(string requirements, char filler)
    {
        // Long enough that "#!" + BUILD/bin/python + "\n" exceeds 127 bytes.
        var venv = Path.Combine(PythonTestTools.NewTempDir("build"), new string(filler, 140), "venv");
        var result = VenvBuilder.Build(new VenvBuildRequest(_interpreter, venv, requirements, RequireHashes: true,
            LogPath: Path.Combine(Path.GetDirectoryName(venv)!, "pip.log"), Wheelhouse: PythonTestTools.Wheelhouse,
            SourceDateEpoch: 1_700_000_000));
        result.VenvDir.ShouldBe(venv);
        File.ReadAllText(result.LogPath).ShouldContain("Successfully installed fastsum-0.3 hello-app-1.0");
        Directory.GetDirectories(venv, "__pycache__", SearchOption.AllDirectories).ShouldBeEmpty();
        return venv;
    }

    /// <summary>Every entry: path, type, mode, link target and content digest (find(1) lists the tree).</summary>
    private static List<string> Snapshot(string dir)
    {
        var lines = PythonTestTools.RunOk("find", dir, "-mindepth", "1", "-printf", "%P|%y|%m|%l\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Contains("|f|")
                ? line + "|" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, line.Split('|')[0]))))
                : line)
            .Order(StringComparer.Ordinal)
            .ToList();
        return lines;
    }

    private string InTarget(string relative) => Path.Combine(_target, relative);

    [Test]
    public void Pip_wrote_the_exec_header_for_the_long_build_path()
    {
        _headerBeforeRelocation.ShouldStartWith("#!/bin/sh\n'''exec' ");
        _headerBeforeRelocation.ShouldBe(ShebangRewriter.Build(_buildA + "/bin/python", ""));
        _leaksBeforeRelocation.ShouldContain("bin/hello-app");
        _leaksBeforeRelocation.ShouldContain("pyvenv.cfg");
    }

    [Test]
    public void Nothing_names_the_build_path_after_relocation_and_compilation()
    {
        _leaksAfterCompile.ShouldBeEmpty();
        _bytecode.Failures.ShouldBeEmpty();
        _bytecode.PycFiles.ShouldBeGreaterThan(100);
        File.ReadLines(InTarget("bin/hello-app")).First().ShouldBe($"#!{_target}/bin/python");
        File.ReadLines(InTarget("bin/pip")).First().ShouldBe($"#!{_target}/bin/python");
    }

    [Test]
    public void Two_builds_at_different_paths_are_byte_identical()
    {
        _snapshotA.Count(l => l.Contains(".pyc|f|", StringComparison.Ordinal)).ShouldBeGreaterThan(100);
        _snapshotB.ShouldBe(_snapshotA);
    }

    [Test]
    public void The_console_script_runs_from_the_target_path()
    {
        PythonTestTools.RunOk(InTarget("bin/hello-app")).ShouldBe($"hello from {_target}\n");
    }

    [Test]
    public void The_c_extension_imports_from_the_target_path()
    {
        PythonTestTools.RunOk(InTarget("bin/python"), "-c", "import fastsum, fastsum._native as n; print(fastsum.add(2, 3), n.__file__)")
            .ShouldStartWith($"5 {_target}/{SitePackages}/fastsum/_native.");
    }

    [Test]
    public void Pip_in_the_moved_venv_lists_what_was_installed()
    {
        var freeze = PythonTestTools.RunOk(InTarget("bin/pip"), "list", "--format=freeze", "--disable-pip-version-check")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        freeze.ShouldContain("hello-app==1.0");
        freeze.ShouldContain("fastsum==0.3");
        freeze.ShouldContain(l => l.StartsWith("pip==", StringComparison.Ordinal));
    }

    [Test]
    public void Every_record_hash_matches_its_file()
    {
        // importlib.metadata reads RECORD as installers and uninstallers do.
        const string check =
            "import base64, hashlib, importlib.metadata as md\n" +
            "checked = bad = 0\n" +
            "for d in md.distributions():\n" +
            "    for f in d.files or []:\n" +
            "        if f.hash is None: continue\n" +
            "        data = f.locate().read_bytes()\n" +
            "        digest = base64.urlsafe_b64encode(hashlib.new(f.hash.mode, data).digest()).rstrip(b'=').decode()\n" +
            "        checked += 1\n" +
            "        if digest != f.hash.value or len(data) != f.size: bad += 1; print('MISMATCH', f)\n" +
            "print('checked', checked, 'bad', bad)\n";
        var output = PythonTestTools.RunOk(InTarget("bin/python"), "-c", check);
        output.ShouldEndWith(" bad 0\n");
        output.ShouldNotContain("MISMATCH");
    }

    [Test]
    public void Bytecode_is_hash_based_and_names_the_target_path()
    {
        var pyc = InTarget($"{SitePackages}/hello/__pycache__/cli.cpython-311.pyc");
        PythonTestTools.PycFlagsAndFilename(pyc).ShouldBe($"1 {_target}/{SitePackages}/hello/cli.py");
    }

    [Test]
    public void The_inventory_lists_every_bundled_distribution_with_its_license()
    {
        var inventory = DistributionInventory.Read(_target);

        inventory.Select(d => d.Name).ShouldBe(["fastsum", "hello-app", "pip", "setuptools"]);
        inventory[0].ShouldBe(new BundledDistribution("fastsum", "0.3", "BSD License"));
        inventory[1].ShouldBe(new BundledDistribution("hello-app", "1.0", "MIT"));
        inventory[2].License.ShouldBe("MIT");
    }

    [Test]
    public void The_c_extension_is_the_native_code()
    {
        NativeCodeScan.HasNativeCode(_target).ShouldBeTrue();
        NativeCodeScan.ElfFiles(_target).ShouldHaveSingleItem().ShouldStartWith($"{SitePackages}/fastsum/_native.cpython-311-");
    }
}
