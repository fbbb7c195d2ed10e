using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// dnf with its own configuration, repository file, cache and a throw-away --installroot (formats.md §6.4):
/// gpgcheck=1 and repo_gpgcheck=1 with the exported key as gpgkey, so every signature check dnf and rpm make is on.
/// </summary>
public sealed class DnfSandbox
{
    public const string RepoId = "pkgify-test";

    private readonly TempDir _dir;

    public DnfSandbox(TempDir dir, string repository, string gpgKey)
    {
        ToolRunner.Require("dnf");
        _dir = dir;
        Directory.CreateDirectory(dir.Path("repos"));
        Directory.CreateDirectory(dir.Path("cache"));
        Directory.CreateDirectory(dir.Path("root"));
        Directory.CreateDirectory(dir.Path("downloads"));
        File.WriteAllText(dir.Path("repos", "test.repo"), $"""
            [{RepoId}]
            name=pkgify test repository
            baseurl=file://{repository}
            enabled=1
            gpgcheck=1
            repo_gpgcheck=1
            gpgkey=file://{gpgKey}
            metadata_expire=0

            """);
        File.WriteAllText(dir.Path("dnf.conf"), $"""
            [main]
            cachedir={dir.Path("cache")}
            reposdir={dir.Path("repos")}
            persistdir={dir.Path("persist")}
            logdir={dir.Path("log")}
            install_weak_deps=0
            keepcache=0

            """);
    }

    public string Root => _dir.Path("root");

    public string Downloads => _dir.Path("downloads");

    /// <summary>Runs dnf on the sandbox only (-y answers the key import question as a user would).</summary>
    public ToolResult Dnf(params string[] args) =>
        ToolRunner.Run("dnf", ["-c", _dir.Path("dnf.conf"), "--installroot", Root, "--setopt=reposdir=" + _dir.Path("repos"),
            "--setopt=cachedir=" + _dir.Path("cache"), "--releasever=1", "--disablerepo=*", "--enablerepo=" + RepoId, "-y", .. args]);
}
