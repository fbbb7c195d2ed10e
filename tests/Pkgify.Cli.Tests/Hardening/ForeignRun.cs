using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Runs pkgify as a different machine would: another host name (a private UTS namespace, unshare(1)),
/// another user (setpriv(1), as nobody), another umask, time zone and locale, and the environment given.
/// </summary>
public static class ForeignRun
{
    public const string User = "nobody";
    public const string HostName = "elsewhere.example";

    public static ToolResult Pkgify(IEnumerable<string> args, IDictionary<string, string> env, string umask = "077")
    {
        ToolRunner.Require("unshare");
        ToolRunner.Require("setpriv");
        var environment = new Dictionary<string, string>(env)
        {
            ["TZ"] = "Asia/Tokyo",
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "fr_FR.UTF-8",
            ["LANGUAGE"] = "fr",
        };
        var script = "hostname \"$1\" && umask \"$2\" && shift 2 && exec setpriv --reuid=nobody --regid=nogroup --clear-groups \"$@\"";
        return ToolRunner.Run("unshare", new[] { "--uts", "sh", "-c", script, "sh", HostName, umask, "dotnet", typeof(Program).Assembly.Location }.Concat(args),
            env: environment, timeout: TimeSpan.FromMinutes(15));
    }
}
