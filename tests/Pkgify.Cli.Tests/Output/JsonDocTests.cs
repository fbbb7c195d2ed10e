using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Pkgify.Cli.Help;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Output;

/// <summary>
/// Issue 9: every command has --json with a documented schema. Each command is run for real and its document
/// must have exactly the shape of the example in docs/json.md (same keys at every level, same JSON types).
/// </summary>
public partial class JsonDocTests
{
    /// <summary>Objects whose keys are data (template names, header tags), not schema: only their value types are compared.</summary>
    private static readonly HashSet<string> Maps = new(StringComparer.Ordinal) { "render", "inspect.scripts", "inspect.fields" };

    private static readonly Dictionary<string, string> Env = new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    private TinyProject _project = null!;
    private GpgTestKey _key = null!;
    private Dictionary<string, string> _env = null!;
    private string _deb = "", _rpm = "";

    [OneTimeSetUp]
    public void BuildOnce()
    {
        _project = new TinyProject("json-doc", directoryName: "tiny");
        _key = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072);
        _env = new Dictionary<string, string>(Env) { ["PKGIFY_CACHE_DIR"] = _project.CacheDir };
        var output = _project.Tmp.Path("out");
        Json("build", _project.Dir, "-o", output, "--compression", "gzip", "--level", "1");
        _deb = Directory.GetFiles(output, "*.deb").Single();
        _rpm = Directory.GetFiles(output, "*.rpm").Single();
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _key.Dispose();
        _project.Dispose();
    }

    private static Dictionary<string, JsonElement> Examples()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "json.md"));
        var sections = Section().Matches(text).ToList();
        var examples = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = 0; i < sections.Count; i++)
        {
            var end = i + 1 < sections.Count ? sections[i + 1].Index : text.Length;
            var block = JsonBlock().Match(text[sections[i].Index..end]);
            if (block.Success)
                examples[sections[i].Groups[1].Value] = JsonDocument.Parse(block.Groups[1].Value).RootElement.Clone();
        }
        return examples;
    }

    private JsonElement Json(params string[] args)
    {
        var r = PkgifyCli.Run(args.Append("--json"), _env, _project.Tmp.Root);
        r.ExitCode.ShouldBe(0, r.StdErr);
        return JsonDocument.Parse(r.StdOut).RootElement.Clone();
    }

    private JsonElement Run(string command)
    {
        string Copy(string file, string dir)
        {
            Directory.CreateDirectory(_project.Tmp.Path(dir));
            var target = _project.Tmp.Path(dir, Path.GetFileName(file));
            File.Copy(file, target, overwrite: true);
            return target;
        }
        switch (command)
        {
            case "init":
                var fresh = _project.Tmp.Path("fresh");
                Directory.CreateDirectory(fresh);
                File.WriteAllText(Path.Combine(fresh, "requirements.txt"), "gunicorn==23.0.0\n");
                File.WriteAllText(Path.Combine(fresh, "fresh.py"), "def application(environ, start_response):\n    return []\n");
                return Json("init", fresh, "--force");
            case "build": return Json("build", _project.Dir, "-o", _project.Tmp.Path("out2"), "-f", "deb", "--compression", "gzip", "--level", "1");
            case "render": return Json("render", _project.Dir);
            case "deps": return Json("deps", _project.Dir);
            case "pack": return Json("pack", _project.Dir, "--name", "tree", "--version", "1", "-o", _project.Tmp.Path("pk"), "-f", "deb");
            case "inspect": return Json("inspect", _rpm);
            case "verify": return Json("verify", _deb);
            case "sign": return Json("sign", Copy(_rpm, "signed"), "--sign-key", _key.SecretKeyPath);
            case "repo apt": Copy(_deb, "apt"); return Json("repo", "apt", _project.Tmp.Path("apt"), "--sign-key", _key.SecretKeyPath);
            case "repo yum": Copy(_rpm, "yum"); return Json("repo", "yum", _project.Tmp.Path("yum"), "--sign-key", _key.SecretKeyPath, "--sign-packages");
            default: throw new ArgumentException($"no command line for '{command}' in this test: add one", nameof(command));
        }
    }

    public static IEnumerable<string> DocumentedCommands => Examples().Keys.Where(k => k.Length > 0);

    [TestCaseSource(nameof(DocumentedCommands))]
    public void Output_has_the_documented_shape(string command)
    {
        var actual = Run(command);
        SameShape(Examples()[command], actual, command);
    }

    [Test]
    public void Every_command_has_a_section()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "json.md"));
        var documented = Section().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Verbs.All.Select(UsageText.DisplayName).Where(c => !documented.Contains(c)).ShouldBeEmpty("commands without a section in docs/json.md");
    }

    [Test]
    public void Errors_have_the_documented_shape()
    {
        foreach (var args in new[] { new[] { "build", "--compresion", "xz" }, new[] { "repo" }, new[] { "build", _project.Tmp.Path("nowhere") } })
        {
            var r = PkgifyCli.Run(args.Append("--json"), _env, _project.Tmp.Root);
            r.ExitCode.ShouldBe(2, r.StdErr);
            SameShape(Examples()[""], JsonDocument.Parse(r.StdOut).RootElement, string.Join(' ', args));
        }
    }

    /// <summary>Same keys at every level and same value kinds; null stands for "optional, any type"; arrays by their elements.</summary>
    private static void SameShape(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null) return;
        Kind(actual).ShouldBe(Kind(expected), path);
        if (expected.ValueKind == JsonValueKind.Object)
        {
            if (Maps.Contains(path))
            {
                var valueKinds = expected.EnumerateObject().Select(p => Kind(p.Value)).Distinct().ToList();
                foreach (var p in actual.EnumerateObject()) valueKinds.ShouldContain(Kind(p.Value), $"{path}.{p.Name}");
                return;
            }
            actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
                .ShouldBe(expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), $"keys of {path}");
            foreach (var p in expected.EnumerateObject()) SameShape(p.Value, actual.GetProperty(p.Name), $"{path}.{p.Name}");
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0)
        {
            foreach (var item in actual.EnumerateArray()) SameShape(expected[0], item, path + "[]");
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? "boolean" : e.ValueKind.ToString();

    /// <summary>"## `pkgify build --json`" gives "build"; "## Errors: any command" gives "".</summary>
    [GeneratedRegex(@"^## (?:`pkgify ([a-z ]+) --json`|Errors: any command)", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
