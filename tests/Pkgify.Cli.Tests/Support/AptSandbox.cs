using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// apt-get with an isolated configuration (APT_CONFIG): its own state, cache, sources and an empty trusted
/// keyring set, so only the signed-by key of the one source can vouch for the repository; dpkg installs into a
/// throw-away root (formats.md §6.3). Nothing of the host's apt setup is read or changed.
/// </summary>
public sealed class AptSandbox
{
    private readonly TempDir _dir;

    public AptSandbox(TempDir dir, string repository, string dist, string component, string signedBy, string architecture = "amd64",
        AptSourceForm form = AptSourceForm.Deb822)
    {
        ToolRunner.Require("apt-get");
        ToolRunner.Require("dpkg");
        _dir = dir;
        foreach (var d in new[] { "state/lists/partial", "cache/archives/partial", "etc/sources.list.d", "etc/trusted.gpg.d",
                     "etc/preferences.d", "etc/apt.conf.d", "log", "root/var/lib/dpkg/info", "root/var/lib/dpkg/updates" })
            Directory.CreateDirectory(dir.Path(d));
        File.WriteAllText(dir.Path("root/var/lib/dpkg/status"), "");
        if (form == AptSourceForm.OneLine)
        {
            // The one-line form the contract shows users (sources.list(5)).
            File.WriteAllText(dir.Path("etc/sources.list"), $"deb [signed-by={signedBy}] file:{repository} {dist} {component}\n");
        }
        else
        {
            File.WriteAllText(dir.Path("etc/sources.list"), "");
            // A deb822 source, as apt's documentation now recommends (formats.md §3.1).
            File.WriteAllText(dir.Path("etc/sources.list.d/test.sources"),
                $"Types: deb\nURIs: file:{repository}\nSuites: {dist}\nComponents: {component}\nSigned-By: {signedBy}\n");
        }
        var root = dir.Path("root");
        File.WriteAllText(ConfigPath, $$"""
            Dir::State "{{dir.Path("state")}}";
            Dir::State::status "{{dir.Path("root/var/lib/dpkg/status")}}";
            Dir::Cache "{{dir.Path("cache")}}";
            Dir::Etc "{{dir.Path("etc")}}";
            Dir::Etc::SourceList "{{dir.Path("etc/sources.list")}}";
            Dir::Etc::SourceParts "{{dir.Path("etc/sources.list.d")}}";
            Dir::Etc::Trusted "{{dir.Path("etc/trusted.gpg")}}";
            Dir::Etc::TrustedParts "{{dir.Path("etc/trusted.gpg.d")}}";
            Dir::Etc::Preferences "{{dir.Path("etc/preferences")}}";
            Dir::Etc::PreferencesParts "{{dir.Path("etc/preferences.d")}}";
            Dir::Etc::Parts "{{dir.Path("etc/apt.conf.d")}}";
            Dir::Log "{{dir.Path("log")}}";
            Debug::NoLocking "true";
            APT::Sandbox::User "root";
            APT::Architecture "{{architecture}}";
            APT::Architectures { "{{architecture}}"; };
            DPkg::Options { "--root={{root}}"; "--log={{dir.Path("log/dpkg.log")}}"; "--force-not-root"; "--force-script-chrootless"; };
            """);
    }

    public string ConfigPath => _dir.Path("apt.conf");

    /// <summary>The dpkg database of the throw-away root.</summary>
    public string AdminDir => _dir.Path("root/var/lib/dpkg");

    public ToolResult AptGet(params string[] args) =>
        ToolRunner.Run("apt-get", args, env: new Dictionary<string, string> { ["APT_CONFIG"] = ConfigPath, ["DEBIAN_FRONTEND"] = "noninteractive" });

    public ToolResult AptCache(params string[] args) =>
        ToolRunner.Run("apt-cache", args, env: new Dictionary<string, string> { ["APT_CONFIG"] = ConfigPath });

    /// <summary>The version dpkg records as installed in the throw-away root, or null.</summary>
    public string? InstalledVersion(string package)
    {
        var r = ToolRunner.Run("dpkg-query", ["--admindir=" + AdminDir, "-W", "-f", "${Status}|${Version}", package]);
        return r.ExitCode == 0 && r.StdOut.StartsWith("install ok installed|", StringComparison.Ordinal) ? r.StdOut.Split('|')[1] : null;
    }

    public string RootPath(string relative) => _dir.Path("root", relative);
}

/// <summary>How the sandbox's one source is written (sources.list(5)).</summary>
public enum AptSourceForm
{
    /// <summary>A .sources file in deb822 form.</summary>
    Deb822,

    /// <summary>A line in sources.list: <c>deb [signed-by=KEY] URI SUITE COMPONENT</c>.</summary>
    OneLine,
}
