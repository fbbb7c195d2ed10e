using NUnit.Framework;

namespace Pkgify.TestSupport;

/// <summary>
/// A throw-away Debian 12 (bookworm) minbase root for install tests. The pristine root is
/// made once per machine by debootstrap and cached under <see cref="CacheDirectory"/>; every
/// <see cref="GetOrCreate"/> returns a fresh copy that the test may change freely. Commands
/// run inside it through chroot with a clean environment.
/// </summary>
public sealed class DebianRoot : IDisposable
{
    const string Suite = "bookworm";
    const string Variant = "minbase";
    const string Mirror = "http://deb.debian.org/debian";
    const string PristineName = Suite + "-" + Variant;

    // debootstrap downloads and unpacks ~100 packages: minutes on a fresh machine.
    static readonly TimeSpan DebootstrapTimeout = TimeSpan.FromMinutes(30);
    // A waiter may queue behind another process's whole debootstrap.
    static readonly TimeSpan LockTimeout = DebootstrapTimeout + TimeSpan.FromMinutes(5);
    static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(5);
    static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(15);

    // The environment inside the root: nothing of the host's (its TMPDIR, PATH or
    // pyenv settings point at paths the root does not have).
    static readonly string[] CleanEnvironment =
    [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME=/root",
        "LC_ALL=C.UTF-8",
        "DEBIAN_FRONTEND=noninteractive",
    ];

    readonly string container;
    bool procMounted;
    bool aptUpdated;

    DebianRoot(string container)
    {
        this.container = container;
        Root = System.IO.Path.Combine(container, "root");
    }

    /// <summary>Where the pristine root is cached; PKGIFY_TEST_CACHE overrides /var/cache/pkgify-tests.</summary>
    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("PKGIFY_TEST_CACHE") is { Length: > 0 } dir ? dir : "/var/cache/pkgify-tests";

    /// <summary>Host path of the root directory of this copy.</summary>
    public string Root { get; }

    /// <summary>
    /// Returns a fresh copy of the cached bookworm minbase root, creating the cache first
    /// when this machine has none (under a file lock, so concurrent test processes wait
    /// for one debootstrap instead of racing).
    /// </summary>
    public static DebianRoot GetOrCreate()
    {
        var pristine = EnsurePristine();
        var container = System.IO.Path.Combine(TempDir.BaseDirectory, $"debian-root-{Guid.NewGuid():N}");
        Directory.CreateDirectory(container);
        var root = new DebianRoot(container);
        // cp -a keeps owners, device nodes, hardlinks and modes that a managed copy would lose.
        ToolRunner.RunChecked("cp", ["-a", "--reflink=auto", pristine, root.Root], timeout: CopyTimeout);
        root.CopyResolverConfig();
        return root;
    }

    /// <summary>Host path of <paramref name="pathInRoot"/> (an absolute path as seen inside the root).</summary>
    public string HostPath(string pathInRoot) => System.IO.Path.Combine(Root, pathInRoot.TrimStart('/'));

    /// <summary>Runs <paramref name="command"/> inside the root and returns its result.</summary>
    public ToolResult Run(params string[] command) => Run(command, env: null);

    /// <summary>Runs <paramref name="command"/> inside the root, failing the test unless it exits 0.</summary>
    public ToolResult RunChecked(params string[] command) => RunChecked(command, env: null);

    /// <summary>
    /// Runs <paramref name="command"/> inside the root with a clean environment
    /// (PATH, HOME=/root, LC_ALL=C.UTF-8, DEBIAN_FRONTEND=noninteractive) plus <paramref name="env"/>.
    /// </summary>
    public ToolResult Run(IEnumerable<string> command, IDictionary<string, string>? env,
        byte[]? stdin = null, TimeSpan? timeout = null) =>
        ToolRunner.Run("chroot", ChrootArgs(command, env), stdin: stdin, timeout: timeout);

    /// <summary>Like <see cref="Run(IEnumerable{string}, IDictionary{string, string}?, byte[], TimeSpan?)"/>, failing unless it exits 0.</summary>
    public ToolResult RunChecked(IEnumerable<string> command, IDictionary<string, string>? env,
        byte[]? stdin = null, TimeSpan? timeout = null) =>
        ToolRunner.RunChecked("chroot", ChrootArgs(command, env), stdin: stdin, timeout: timeout);

    /// <summary>
    /// Installs packages from the Debian registry (or .deb files given by their path inside
    /// the root) with apt-get, running apt-get update first the first time.
    /// </summary>
    public ToolResult AptInstall(params string[] packages)
    {
        if (!aptUpdated)
        {
            RunChecked(["apt-get", "update"], env: null, timeout: AptTimeout);
            aptUpdated = true;
        }
        return RunChecked(["apt-get", "install", "-y", "--no-install-recommends", .. packages], env: null, timeout: AptTimeout);
    }

    /// <summary>
    /// Mounts /proc inside the root (some maintainer scripts and tools read it);
    /// unmounted again on dispose.
    /// </summary>
    public void MountProc()
    {
        if (procMounted)
            return;
        var proc = HostPath("/proc");
        Directory.CreateDirectory(proc);
        ToolRunner.RunChecked("mount", ["-t", "proc", "proc", proc]);
        procMounted = true;
    }

    /// <summary>Unmounts what was mounted and deletes the copy (never crossing into a mount).</summary>
    public void Dispose()
    {
        if (procMounted)
        {
            var proc = HostPath("/proc");
            if (ToolRunner.Run("umount", [proc]).ExitCode != 0)
                ToolRunner.RunChecked("umount", ["--lazy", proc]);
            procMounted = false;
        }
        if (Environment.GetEnvironmentVariable("PKGIFY_KEEP_TEMP") == "1")
            return;
        // --one-file-system: if anything is still mounted below, leave it (and its host
        // files) alone rather than deleting through it.
        ToolRunner.RunChecked("rm", ["-rf", "--one-file-system", container], timeout: CopyTimeout);
    }

    static string EnsurePristine()
    {
        var pristine = System.IO.Path.Combine(CacheDirectory, PristineName);
        // The pristine directory appears only by the final rename, so its presence means complete.
        if (Directory.Exists(pristine))
            return pristine;
        Directory.CreateDirectory(CacheDirectory);
        using var _ = FileLock.Acquire(pristine + ".lock", LockTimeout);
        if (Directory.Exists(pristine))
            return pristine;

        var partial = pristine + ".partial";
        ToolRunner.RunChecked("rm", ["-rf", "--one-file-system", partial], timeout: CopyTimeout);
        ToolRunner.Require("debootstrap");
        var result = ToolRunner.Run("debootstrap", [$"--variant={Variant}", Suite, partial, Mirror],
            timeout: DebootstrapTimeout);
        if (result.ExitCode != 0)
            Assert.Fail($"debootstrap of {Suite} into {partial} failed ({result.ExitCode}):\n"
                        + Tail(result.StdErr + result.StdOut) + "\n--- debootstrap.log ---\n"
                        + Tail(ReadIfExists(System.IO.Path.Combine(partial, "debootstrap", "debootstrap.log"))));
        Directory.Move(partial, pristine);
        return pristine;
    }

    void CopyResolverConfig()
    {
        // apt inside the root resolves the registry's host name with the host's resolver.
        const string resolver = "/etc/resolv.conf";
        if (!File.Exists(resolver))
            return;
        var target = HostPath(resolver);
        File.Delete(target);
        File.WriteAllBytes(target, File.ReadAllBytes(resolver));
    }

    List<string> ChrootArgs(IEnumerable<string> command, IDictionary<string, string>? env)
    {
        var args = new List<string> { Root, "/usr/bin/env", "-i" };
        args.AddRange(CleanEnvironment);
        args.AddRange((env ?? new Dictionary<string, string>()).Select(kv => $"{kv.Key}={kv.Value}"));
        args.AddRange(command);
        return args;
    }

    static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "(none)";

    static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
