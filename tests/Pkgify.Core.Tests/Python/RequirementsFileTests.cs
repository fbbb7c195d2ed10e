using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class RequirementsFileTests
{
    private const string HashA = "sha256:0000000000000000000000000000000000000000000000000000000000000001";
    private const string HashB = "sha256:00000000000000000000000000000000000000000000000000000000000000ff";

    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = PythonTestTools.NewTempDir("req");

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private UsageException Refused(params string[] lines) =>
        Should.Throw<UsageException>(() => RequirementsFile.Parse(Write("requirements.txt", lines)));

    [Test]
    public void Pinned_requirements_are_read_with_extras_markers_and_line_numbers()
    {
        var parsed = RequirementsFile.Parse(Write("requirements.txt",
            "# production dependencies",
            "",
            "Flask==2.3.2   # web framework",
            "requests[security, socks]==2.31.0",
            "tomli==2.0.1; python_version < \"3.11\"",
            "legacy===1.0-custom",
            "zope.interface (==6.0)"));

        parsed.HasHashes.ShouldBeFalse();
        parsed.Items.Select(r => (r.Name, r.Version, r.Line)).ShouldBe(
        [
            ("Flask", "2.3.2", 3), ("requests", "2.31.0", 4), ("tomli", "2.0.1", 5), ("legacy", "1.0-custom", 6), ("zope.interface", "6.0", 7),
        ]);
        parsed.Items[1].Extras.ShouldBe(["security", "socks"]);
        parsed.Items[2].Marker.ShouldBe("python_version < \"3.11\"");
        parsed.Items[0].Marker.ShouldBeNull();
        parsed.Items[0].File.ShouldBe("requirements.txt");
    }

    [Test]
    public void An_unpinned_requirement_is_refused_naming_file_line_and_fix()
    {
        var error = Refused("a==1", "b==2", "c==3", "d==4", "e==5", "# six", "flask>=2");
        error.Message.ShouldBe("requirements.txt:7: 'flask>=2' is not pinned: write flask==<version> (pip freeze shows the installed one)");
        error.ExitCode.ShouldBe(2);
    }

    [TestCase("flask")]
    [TestCase("flask~=2.0")]
    [TestCase("flask!=2.0")]
    [TestCase("flask>=2.0,==2.1")]
    [TestCase("flask[async]")]
    public void Anything_but_one_exact_version_is_not_pinned(string line) =>
        Refused(line).Message.ShouldStartWith($"requirements.txt:1: '{line}' is not pinned");

    [Test]
    public void A_wildcard_version_is_not_pinned() =>
        Refused("flask==2.*").Message.ShouldContain("'flask==2.*' is not pinned to one version");

    [Test]
    public void A_version_that_is_not_pep440_is_refused() =>
        Refused("flask==two").Message.ShouldContain("not a PEP 440 version");

    [TestCase("https://example.com/flask-2.0.tar.gz")]
    [TestCase("flask @ https://example.com/flask-2.0-py3-none-any.whl")]
    [TestCase("git+https://github.com/pallets/flask@2.0#egg=flask")]
    [TestCase("./vendor/flask")]
    [TestCase("/srv/wheels/flask-2.0-py3-none-any.whl")]
    [TestCase("flask-2.0-py3-none-any.whl")]
    [TestCase("file:///srv/flask")]
    public void Url_path_and_vcs_requirements_are_refused(string line) =>
        Refused(line).Message.ShouldContain("is a URL, path or VCS requirement");

    [TestCase("-e .")]
    [TestCase("--editable=git+https://example.com/x.git#egg=x")]
    public void Editable_requirements_are_refused(string line) =>
        Refused(line).Message.ShouldContain("is an editable install");

    [Test]
    public void Continued_lines_are_joined_and_counted_from_their_first_line()
    {
        var parsed = RequirementsFile.Parse(Write("requirements.txt",
            "six==1.16.0 --hash=" + HashB,
            "flask==\\",
            "2.3.2 \\",
            "    --hash=" + HashA + " \\",
            "    --hash " + HashB,
            "jinja2==3.1.2 --hash=" + HashA));

        parsed.Items.Select(r => (r.Name, r.Version, r.Line)).ShouldBe([("six", "1.16.0", 1), ("flask", "2.3.2", 2), ("jinja2", "3.1.2", 6)]);
        parsed.Items[1].Hashes.ShouldBe([HashA, HashB]);
        parsed.HasHashes.ShouldBeTrue();
    }

    [Test]
    public void Hashes_on_every_requirement_turn_on_require_hashes()
    {
        var parsed = RequirementsFile.Parse(Write("requirements.txt", "six==1.16.0 --hash=" + HashA, "flask==2.3.2 --hash=" + HashB));
        parsed.HasHashes.ShouldBeTrue();
    }

    [Test]
    public void A_hash_on_one_line_requires_hashes_on_all_and_names_the_first_without()
    {
        Write("extra.txt", "idna==3.4");
        var error = Refused("six==1.16.0 --hash=" + HashA, "-r extra.txt", "flask==2.3.2");
        error.Message.ShouldStartWith("extra.txt:1: 'idna==3.4' has no --hash, but requirements.txt:1 has one");
        error.Message.ShouldContain("--require-hashes");
    }

    [Test]
    public void Require_hashes_option_demands_hashes() =>
        Refused("--require-hashes", "six==1.16.0").Message.ShouldStartWith("requirements.txt:2: 'six==1.16.0' has no --hash, but requirements.txt:1 sets --require-hashes");

    [TestCase("--hash=md5:0123456789abcdef0123456789abcdef")]
    [TestCase("--hash=sha256:1234")]
    public void A_malformed_hash_is_refused(string option) =>
        Refused("six==1.16.0 " + option).Message.ShouldContain("is not a valid hash");

    [Test]
    public void Includes_are_read_relative_to_the_including_file_in_place()
    {
        Write("reqs/base.txt", "six==1.16.0", "-r more/extra.txt");
        Write("reqs/more/extra.txt", "idna==3.4");
        var parsed = RequirementsFile.Parse(Write("requirements.txt", "flask==2.3.2", "-r reqs/base.txt", "--requirement=reqs/more/extra.txt", "click==8.1.3"));

        parsed.Items.Select(r => (r.Name, r.File, r.Line)).ShouldBe(
        [
            ("flask", "requirements.txt", 1), ("six", "reqs/base.txt", 1), ("idna", "reqs/more/extra.txt", 1),
            ("idna", "reqs/more/extra.txt", 1), ("click", "requirements.txt", 4),
        ]);
    }

    [Test]
    public void An_include_cycle_is_refused()
    {
        Write("a.txt", "six==1.16.0", "-r b.txt");
        Write("b.txt", "-r a.txt");
        var error = Refused("-r a.txt");
        error.Message.ShouldBe("b.txt:1: including a.txt makes a cycle (requirements.txt -> a.txt -> b.txt -> a.txt): remove one of the -r lines");
    }

    [Test]
    public void A_missing_include_is_refused() =>
        Refused("-r nowhere.txt").Message.ShouldStartWith("requirements.txt:1: -r nowhere.txt: ");

    [Test]
    public void Index_options_pass_through_and_unknown_options_are_refused()
    {
        var parsed = RequirementsFile.Parse(Write("requirements.txt",
            "--index-url https://pypi.internal/simple",
            "--extra-index-url=https://mirror.internal/simple",
            "-f ./wheels",
            "--find-links=https://pypi.internal/links",
            "--trusted-host pypi.internal",
            "six==1.16.0"));
        parsed.Items.Count.ShouldBe(1);

        Refused("--upgrade", "six==1.16.0").Message.ShouldStartWith("requirements.txt:1: '--upgrade' is not a pip requirements-file option");
    }

    [Test]
    public void A_missing_file_is_a_usage_error() =>
        Should.Throw<UsageException>(() => RequirementsFile.Parse(Path.Combine(_dir, "requirements.txt")))
            .Message.ShouldContain("not found");

    [Test]
    public void A_file_pip_parses_is_accepted_identically_by_pip()
    {
        // pip's own parser (the consumer of the file) must see the same requirements we do.
        Write("more.txt", "idna==3.4 ; python_version >= \"3\"");
        var path = Write("requirements.txt", "# c", "flask==\\", "2.3.2  # web", "-r more.txt", "requests[socks]==2.31.0");
        var ours = RequirementsFile.Parse(path).Items.Select(r => $"{r.Name}=={r.Version}").ToList();

        var pips = PythonTestTools.RunOk(PythonTestTools.Python, "-c",
            "import sys\n" +
            "from pip._internal.req.req_file import parse_requirements\n" +
            "from pip._internal.network.session import PipSession\n" +
            "from pip._vendor.packaging.requirements import Requirement\n" +
            "for r in parse_requirements(sys.argv[1], session=PipSession()):\n" +
            "    q = Requirement(r.requirement)\n" +
            "    print(q.name + str(q.specifier))\n",
            path);
        pips.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(ours);
    }
}
