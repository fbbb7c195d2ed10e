using System.Text.Json;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Init;

/// <summary>Issue 9: `pkgify init` on the example with its pkgify.yaml removed writes a file that builds as is.</summary>
public class InitAcceptanceTests
{
    [Test]
    public void Init_on_the_example_without_its_pkgify_yaml_builds_a_deb_dpkg_accepts()
    {
        using var project = new HelloWsgiProject(port: 18931, directoryName: "hello-wsgi");
        var yaml = Path.Combine(project.Dir, "pkgify.yaml");
        File.Delete(yaml);

        var init = PkgifyCli.Run("init", project.Dir, "--json");
        init.ExitCode.ShouldBe(0, init.StdErr);
        using (var json = JsonDocument.Parse(init.StdOut))
        {
            var r = json.RootElement;
            r.GetProperty("path").GetString().ShouldBe(yaml);
            r.GetProperty("name").GetString().ShouldBe("hello-wsgi");
            r.GetProperty("wsgi").GetString().ShouldBe("hello_wsgi.app:application");
            r.GetProperty("wheelhouse").GetString().ShouldBe("wheels/");
            r.GetProperty("requirements").GetString().ShouldBe("requirements.txt");
            r.GetProperty("python").GetString().ShouldBe("/usr/bin/python3.11");
        }

        var output = Path.Combine(project.Root, "out");
        var build = PkgifyCli.Run(new[] { "build", project.Dir, "-f", "deb", "-o", output, "-v" },
            new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = project.CacheDir });
        build.ExitCode.ShouldBe(0, build.StdErr);
        // -v: pip's lines as detail, then the step's end line (stderr is a pipe here: plain lines).
        build.StdErr.ShouldContain("pkgify:   Successfully installed greetfast-1.0.0");
        build.StdErr.ShouldMatch(@"pkgify: building the virtualenv: done in [0-9.]+ s: built ");
        var debs = Directory.GetFiles(output);
        debs.Length.ShouldBe(1);
        debs[0].ShouldEndWith(".deb");

        ToolRunner.Require("dpkg-deb");
        var fields = ToolRunner.RunChecked("dpkg-deb", new[] { "--field", debs[0], "Package", "Version", "Depends" }).StdOut;
        fields.ShouldContain("Package: hello-wsgi");
        fields.ShouldContain("Version: 0.1.0-1");
        fields.ShouldContain("python3.11");
        var listing = ToolRunner.RunChecked("dpkg-deb", new[] { "-c", debs[0] }).StdOut;
        listing.ShouldContain("./opt/hello-wsgi/app/hello_wsgi/app.py");
        listing.ShouldContain("./opt/hello-wsgi/venv/bin/python");
        listing.ShouldNotContain("./opt/hello-wsgi/app/wheels/");
        listing.ShouldNotContain("./opt/hello-wsgi/app/pkgify.yaml");
    }

    [Test]
    public void Init_refuses_to_overwrite_without_force_in_one_line()
    {
        using var tmp = new TempDir("init-exists");
        var dir = tmp.Path("shop");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "requirements.txt"), "gunicorn==23.0.0\n");
        File.WriteAllText(Path.Combine(dir, "shop.py"), "def application(environ, start_response):\n    return []\n");
        File.WriteAllText(Path.Combine(dir, "pkgify.yaml"), "name: shop\n");

        var refused = PkgifyCli.Run("init", dir);

        refused.ExitCode.ShouldBe(2);
        refused.StdErr.Trim().Split('\n').Length.ShouldBe(1, refused.StdErr);
        refused.StdErr.ShouldContain("--force");
        File.ReadAllText(Path.Combine(dir, "pkgify.yaml")).ShouldBe("name: shop\n");

        var forced = PkgifyCli.Run("init", dir, "--force");
        forced.ExitCode.ShouldBe(0, forced.StdErr);
        forced.StdOut.ShouldContain("wrote " + Path.Combine(dir, "pkgify.yaml"));
        File.ReadAllText(Path.Combine(dir, "pkgify.yaml")).ShouldContain("wsgi: \"shop:application\"");
    }
}
