namespace Pkgify.TestSupport;

/// <summary>
/// Builds reference packages with the real <c>rpmbuild</c> from a spec text, in a private _topdir, so that tests
/// can compare our readers (and later our writer) with what rpm itself produces.
/// </summary>
public static class RpmBuildFixtures
{
    /// <summary>gzip level 9, readable with System.IO.Compression.</summary>
    public const string GzipPayload = "w9.gzdio";
    /// <summary>xz level 2 (Fedora's former default).</summary>
    public const string XzPayload = "w2.xzdio";
    /// <summary>zstd level 19.</summary>
    public const string ZstdPayload = "w19.zstdio";

    /// <summary>
    /// Writes <paramref name="spec"/> to <paramref name="workDir"/>, runs <c>rpmbuild -bb</c> with
    /// <c>_topdir</c> inside <paramref name="workDir"/> and the given payload compression, and returns the path of
    /// the single binary package it made. <paramref name="defines"/> are extra <c>--define "name value"</c> pairs.
    /// Fails the test when rpmbuild is missing or fails.
    /// </summary>
    public static string BuildBinaryRpm(string spec, string workDir, string binaryPayload = GzipPayload,
        IReadOnlyDictionary<string, string>? defines = null)
    {
        string topDir = Path.Combine(workDir, "rpmbuild");
        string tmpDir = Path.Combine(workDir, "rpmtmp");
        Directory.CreateDirectory(topDir);
        Directory.CreateDirectory(tmpDir);
        string specPath = Path.Combine(workDir, "package.spec");
        File.WriteAllText(specPath, spec);

        var args = new List<string> { "-bb", "--quiet" };
        void Define(string name, string value)
        {
            args.Add("--define");
            args.Add($"{name} {value}");
        }
        Define("_topdir", topDir);
        Define("_tmppath", tmpDir);
        Define("_binary_payload", binaryPayload);
        foreach (var (name, value) in defines ?? new Dictionary<string, string>())
            Define(name, value);
        args.Add(specPath);
        ToolRunner.RunChecked("rpmbuild", args, workDir);

        string[] built = Directory.GetFiles(Path.Combine(topDir, "RPMS"), "*.rpm", SearchOption.AllDirectories);
        if (built.Length != 1)
            throw new InvalidOperationException($"rpmbuild made {built.Length} packages, expected 1: {string.Join(", ", built)}");
        return built[0];
    }

    /// <summary>
    /// A spec exercising what a package writer must get right (formats.md §6.1): noarch, epoch 1, a
    /// %config(noreplace) file, a %doc file, a hardlink pair, a relative symlink, %pre/%post scriptlets, an explicit
    /// Requires and Provides.
    /// </summary>
    public const string SampleSpec = """
        Name: hello-lab
        Epoch: 1
        Version: 1.2.3
        Release: 4
        Summary: Sample package for format tests
        License: MIT
        URL: https://example.com/hello-lab
        BuildArch: noarch
        Requires: bash
        Provides: hello-service = 2.0

        %description
        A small package built by rpmbuild for comparing readers and writers.

        %install
        mkdir -p %{buildroot}/etc/hello-lab %{buildroot}/opt/hello-lab/bin
        echo "greeting = hello" > %{buildroot}/etc/hello-lab/hello.conf
        printf '#!/bin/sh\necho hello\n' > %{buildroot}/opt/hello-lab/bin/hello
        chmod 0755 %{buildroot}/opt/hello-lab/bin/hello
        echo linked > %{buildroot}/opt/hello-lab/a.dat
        ln %{buildroot}/opt/hello-lab/a.dat %{buildroot}/opt/hello-lab/b.dat
        ln -s bin/hello %{buildroot}/opt/hello-lab/run
        echo "read me" > README

        %pre
        echo "pre $1"

        %post
        echo "post $1"

        %files
        %config(noreplace) /etc/hello-lab/hello.conf
        %doc README
        %dir /etc/hello-lab
        /opt/hello-lab
        """;
}
