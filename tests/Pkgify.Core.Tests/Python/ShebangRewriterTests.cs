using System.Text;
using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class ShebangRewriterTests
{
    private const string Build = "/tmp/build/venv";
    private const string Target = "/opt/ledger/venv";
    private const string Body = "# -*- coding: utf-8 -*-\nimport sys\nprint('é')\n";

    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = PythonTestTools.NewTempDir("shebang");

    private static ShebangRewriter Rewriter(string build = Build) => new(new PrefixRewriter(build, Target), Target);

    private string Script(string content)
    {
        var path = Path.Combine(_dir, "tool");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        PythonTestTools.RunOk("chmod", "755", path);
        return path;
    }

    [Test]
    public void Plain_header_is_pointed_at_the_target_python_and_the_body_kept()
    {
        var script = Script($"#!{Build}/bin/python3.11\n{Body}");

        var digest = Rewriter().Rewrite(script);

        File.ReadAllText(script).ShouldBe($"#!{Target}/bin/python\n{Body}");
        digest.ShouldBe(RecordDigest.Of(script));
        PythonTestTools.RunOk("stat", "-c", "%a", script).Trim().ShouldBe("755");
    }

    [Test]
    public void Options_after_the_interpreter_are_kept() =>
        ShebangRewriter.Parse(Encoding.UTF8.GetBytes($"#!{Build}/bin/python -E -s\nx"))
            .ShouldBe(new ShebangRewriter.Header($"{Build}/bin/python", " -E -s", $"#!{Build}/bin/python -E -s\n".Length));

    [Test]
    public void Exec_header_becomes_a_plain_header()
    {
        var script = Script($"#!/bin/sh\n'''exec' {Build}/bin/python \"$0\" \"$@\"\n' '''\n{Body}");

        Rewriter().Rewrite(script).ShouldNotBeNull();

        File.ReadAllText(script).ShouldBe($"#!{Target}/bin/python\n{Body}");
    }

    [Test]
    public void Exec_header_with_a_quoted_path_is_read()
    {
        const string spaced = "/tmp/my build/venv";
        var script = Script($"#!/bin/sh\n'''exec' \"{spaced}/bin/python3\" \"$0\" \"$@\"\n' '''\n{Body}");

        Rewriter(spaced).Rewrite(script).ShouldNotBeNull();

        File.ReadAllText(script).ShouldBe($"#!{Target}/bin/python\n{Body}");
    }

    [Test]
    public void Scripts_not_naming_the_build_path_are_left_alone()
    {
        var script = Script($"#!/usr/bin/env python3\n{Body}");
        Rewriter().Rewrite(script).ShouldBeNull();
        Rewriter("/tmp/build/ven").Rewrite(Script($"#!{Build}/bin/python\n")).ShouldBeNull();
        Rewriter().Rewrite(Script("\u007fELF binary")).ShouldBeNull();
    }

    [Test]
    public void Build_follows_distlib_limits()
    {
        ShebangRewriter.Build("/opt/x/venv/bin/python", "").ShouldBe("#!/opt/x/venv/bin/python\n");
        var longPath = "/opt/" + new string('x', 110) + "/bin/python";
        ShebangRewriter.Build(longPath, "").ShouldBe($"#!/bin/sh\n'''exec' {longPath} \"$0\" \"$@\"\n' '''\n");
        ShebangRewriter.Build("/opt/a b/bin/python", "").ShouldBe("#!/bin/sh\n'''exec' \"/opt/a b/bin/python\" \"$0\" \"$@\"\n' '''\n");
    }

    [Test]
    public void The_exec_header_runs_under_sh_and_python()
    {
        // The header written for a long or spaced target must still start the script: /bin/sh
        // execs the interpreter, which then reads the header as a string statement.
        var pythonDir = Path.Combine(_dir, "dir with space", new string('p', 120), "bin");
        Directory.CreateDirectory(pythonDir);
        var python = Path.Combine(pythonDir, "python");
        File.CreateSymbolicLink(python, PythonTestTools.Python);
        var script = Script(ShebangRewriter.Build(python, "") + "import sys\nprint('ran', sys.argv[1:])\n");

        PythonTestTools.RunOk(script, "a b", "c").ShouldBe("ran ['a b', 'c']\n");
    }
}
