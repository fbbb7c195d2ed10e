using Pkgify.Core.Tests.Support;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// Runs rendered maintainer scripts for real, in a private mount namespace (unshare -m) with a fresh
/// /run, and with a PATH holding only a few real tools plus logging stand-ins for the commands that
/// would change the host (systemctl, useradd, adduser, chown, ...). Every stand-in call is recorded
/// with its exact arguments.
/// </summary>
internal sealed class ScriptSandbox : IDisposable
{
    private const char ArgumentSeparator = '\u001f', CallSeparator = '\u001e';

    /// <summary>Real tools the scripts (and any injected payload) may use.</summary>
    private static readonly string[] RealTools = ["sh", "mkdir", "rm", "chmod", "find", "touch", "cat", "printf"];

    private static readonly string[] LoggedStubs = ["useradd", "groupadd", "adduser", "addgroup", "chown"];

    private readonly TempProject temp = new("sandbox");

    public ScriptSandbox(bool withAdduser)
    {
        var bin = Mkdir("bin");
        foreach (var tool in RealTools) File.CreateSymbolicLink(Path.Combine(bin, tool), ToolRunner.Resolve(tool));
        var stubs = Mkdir("stubs");
        var log = $"printf '%s' \"${{0##*/}}\"; for a; do printf '{ArgumentSeparator}%s' \"$a\"; done; printf '{CallSeparator}'";
        foreach (var stub in LoggedStubs.Where(s => withAdduser || !s.EndsWith("adduser") && s != "addgroup"))
            Stub(stubs, stub, $"{{ {log}; }} >>\"$STUB_LOG\"\nexit 0");
        // Answers is-enabled/is-active with $STUB_ACTIVE (0 = yes), everything else succeeds.
        Stub(stubs, "systemctl", $"{{ {log}; }} >>\"$STUB_LOG\"\nfor a; do case \"$a\" in is-enabled|is-active) exit \"$STUB_ACTIVE\";; esac; done\nexit 0");
        // getent answers "no such account" ($STUB_GETENT = 2) or "exists" (0).
        Stub(stubs, "getent", $"{{ {log}; }} >>\"$STUB_LOG\"\nexit \"$STUB_GETENT\"");
        Stub(stubs, "dpkg-statoverride", $"{{ {log}; }} >>\"$STUB_LOG\"\nexit 1");
        Path_ = $"{stubs}:{bin}";
    }

    /// <summary>The sandbox directory: everything a script may touch lives below it.</summary>
    public string Root => temp.Dir;

    private string Path_ { get; }

    private string LogFile => Path.Combine(temp.Root, "calls.log");

    /// <summary>Creates a directory below <see cref="Root"/> and returns its path.</summary>
    public string Mkdir(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    /// <summary>Runs <paramref name="script"/> with sh, the working directory being <see cref="Root"/>.</summary>
    public ToolResult Run(string script, bool systemdRunning, string[] args, bool accountsExist = false, bool unitActive = false)
    {
        var file = Path.Combine(temp.Root, "script");
        File.WriteAllText(file, script);
        // In the new mount namespace /run is empty, so /run/systemd/system exists only when asked for.
        var setup = "/bin/mount -t tmpfs tmpfs /run" + (systemdRunning ? " && /bin/mkdir -p /run/systemd/system" : "") + " && exec sh \"$0\" \"$@\"";
        return ToolRunner.Run("unshare", ["-m", "/bin/sh", "-c", setup, file, .. args], Root, new Dictionary<string, string>
        {
            ["PATH"] = Path_,
            ["STUB_LOG"] = LogFile,
            ["STUB_ACTIVE"] = unitActive ? "0" : "1",
            ["STUB_GETENT"] = accountsExist ? "0" : "2",
        });
    }

    /// <summary>The stand-in calls so far, each as [command, arguments...]; the log is then cleared.</summary>
    public List<string[]> TakeCalls()
    {
        if (!File.Exists(LogFile)) return [];
        var calls = File.ReadAllText(LogFile).Split(CallSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(call => call.Split(ArgumentSeparator)).ToList();
        File.Delete(LogFile);
        return calls;
    }

    /// <summary>Files named <paramref name="name"/> anywhere in the sandbox.</summary>
    public IEnumerable<string> Find(string name) =>
        Directory.EnumerateFiles(temp.Root, name, SearchOption.AllDirectories);

    public void Dispose() => temp.Dispose();

    private static void Stub(string dir, string name, string body)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }
}
