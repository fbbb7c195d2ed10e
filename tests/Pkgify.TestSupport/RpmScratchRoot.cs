namespace Pkgify.TestSupport;

/// <summary>
/// An rpm database in a throw-away root directory, driven with the real <c>rpm --root</c>: install, upgrade,
/// verify, rebuild and erase packages there instead of on the test machine. rpm runs scriptlets chrooted into
/// the root, so a package with scriptlets needs a root with a shell (a <see cref="DebianRoot"/>).
/// </summary>
public sealed class RpmScratchRoot
{
    static readonly TimeSpan RpmTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Creates the database under <paramref name="root"/> (<c>rpm --root R --initdb</c>).</summary>
    public RpmScratchRoot(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
        RunChecked("--initdb");
    }

    /// <summary>The root directory.</summary>
    public string Root { get; }

    /// <summary>Host path of <paramref name="pathInRoot"/> (an absolute path as seen inside the root).</summary>
    public string HostPath(string pathInRoot) => System.IO.Path.Combine(Root, pathInRoot.TrimStart('/'));

    /// <summary>Runs <c>rpm --root R</c> with <paramref name="args"/>.</summary>
    public ToolResult Run(params string[] args) =>
        ToolRunner.Run("rpm", ["--root", Root, .. args], timeout: RpmTimeout);

    /// <summary>Like <see cref="Run"/>, failing the test unless rpm exits 0.</summary>
    public ToolResult RunChecked(params string[] args) =>
        ToolRunner.RunChecked("rpm", ["--root", Root, .. args], timeout: RpmTimeout);

    /// <summary>True when <c>rpm -q NAME</c> finds the package.</summary>
    public bool IsInstalled(string name) => Run("-q", name).ExitCode == 0;
}
