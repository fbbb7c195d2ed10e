using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Small .deb files made by the real dpkg-deb, as a user's own packages would be.</summary>
public static class DebFixture
{
    /// <summary>
    /// Builds <c>name_version_arch.deb</c> in <paramref name="outputDirectory"/> with one file,
    /// <c>/opt/&lt;name&gt;/VERSION</c>, holding the version (so an install shows which version arrived).
    /// </summary>
    public static string Build(string outputDirectory, string name, string version, string architecture = "all",
        string description = "test package\n A package for repository tests.")
    {
        ToolRunner.Require("dpkg-deb");
        var work = Path.Combine(outputDirectory, $".build-{name}-{version}-{architecture}");
        var debian = Path.Combine(work, "DEBIAN");
        Directory.CreateDirectory(debian);
        File.WriteAllText(Path.Combine(debian, "control"),
            $"Package: {name}\nVersion: {version}\nArchitecture: {architecture}\nMaintainer: Ops <ops@example.com>\n"
            + $"Section: misc\nPriority: optional\nDescription: {description}\n");
        var opt = Path.Combine(work, "opt", name);
        Directory.CreateDirectory(opt);
        File.WriteAllText(Path.Combine(opt, "VERSION"), version + "\n");
        var deb = Path.Combine(outputDirectory, $"{name}_{version}_{architecture}.deb");
        ToolRunner.RunChecked("dpkg-deb", ["--root-owner-group", "-Zgzip", "--build", work, deb]);
        Directory.Delete(work, recursive: true);
        return deb;
    }
}
