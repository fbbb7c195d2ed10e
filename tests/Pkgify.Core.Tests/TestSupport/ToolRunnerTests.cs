using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.TestSupport;

public class ToolRunnerTests
{
    [Test]
    public void Arguments_reach_the_tool_unchanged_without_a_shell()
    {
        string[] args = ["a b", "it's", "$HOME", "*", "", "semi;colon"];

        var result = ToolRunner.RunChecked("printf", ["[%s]\n", .. args]);

        result.StdOut.ShouldBe("[a b]\n[it's]\n[$HOME]\n[*]\n[]\n[semi;colon]\n");
    }

    [Test]
    public void Stdin_bytes_are_fed_to_the_tool()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)('a' + i % 26)).ToArray();

        var result = ToolRunner.RunChecked("wc", ["-c"], stdin: bytes);

        result.StdOut.Trim().ShouldBe("200000");
    }

    [Test]
    public void Exit_code_stderr_environment_and_working_directory_are_reported()
    {
        using var dir = new TempDir();

        var result = ToolRunner.Run("sh", ["-c", "echo \"$PKGIFY_PROBE\"; pwd; echo oops >&2; exit 3"],
            workingDir: dir.Root, env: new Dictionary<string, string> { ["PKGIFY_PROBE"] = "value 1" });

        result.ShouldBe(new ToolResult(3, $"value 1\n{dir.Root}\n", "oops\n"));
    }

    [Test]
    public void RunBytes_keeps_binary_stdout_byte_for_byte()
    {
        var result = ToolRunner.RunBytesChecked("printf", ["\\000\\377\\n\\200"]);

        result.StdOut.ShouldBe(new byte[] { 0x00, 0xFF, 0x0A, 0x80 });
    }

    [Test]
    public void RunStreaming_hands_large_stdout_to_the_reader_and_feeds_a_stdin_stream()
    {
        const long size = 64L << 20; // far more than any pipe buffer
        long seen = 0;
        using var stdin = new ZeroStream(size);

        var result = ToolRunner.RunStreamingChecked("cat", [], stdout =>
        {
            var buffer = new byte[1 << 16];
            for (int n; (n = stdout.Read(buffer)) > 0;)
            {
                buffer.AsSpan(0, n).ContainsAnyExcept((byte)0).ShouldBeFalse();
                seen += n;
            }
        }, stdin: stdin);

        seen.ShouldBe(size);
        result.StdOut.ShouldBeEmpty();
    }

    [Test]
    public void A_failing_stdout_reader_stops_the_tool_and_surfaces_its_own_exception()
    {
        var started = DateTime.UtcNow;

        // `yes` never ends: only killing it lets the run return.
        var failure = Assert.Throws<InvalidDataException>(() => ToolRunner.RunStreaming("yes", [], stdout =>
        {
            stdout.ReadByte();
            throw new InvalidDataException("reader gave up");
        }, timeout: TimeSpan.FromMinutes(1)));

        failure!.Message.ShouldBe("reader gave up");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Test]
    public void RunChecked_fails_showing_stderr()
    {
        var failure = Assert.Throws<AssertionException>(
            () => ToolRunner.RunChecked("sh", ["-c", "echo the-real-reason >&2; exit 1"]));

        failure!.Message.ShouldContain("exited with 1");
        failure.Message.ShouldContain("the-real-reason");
    }

    [Test]
    public void Timeout_kills_the_whole_process_tree_and_fails()
    {
        using var dir = new TempDir();
        var pidFile = dir.Path("child.pid");

        var failure = Assert.Throws<AssertionException>(() => ToolRunner.Run("sh",
            ["-c", $"sleep 300 & echo $! > {pidFile}; wait"], timeout: TimeSpan.FromSeconds(2)));

        failure!.Message.ShouldContain("did not finish within");
        var childPid = int.Parse(File.ReadAllText(pidFile).Trim());
        IsRunning(childPid).ShouldBeFalse($"grandchild sleep {childPid} survived the timeout");
    }

    [Test]
    public void Require_returns_the_tool_path_or_fails_naming_the_Debian_package()
    {
        ToolRunner.Require("sh").ShouldEndWith("/sh");

        var known = Assert.Throws<AssertionException>(() => ToolRunner.Require("/nonexistent/xz"));
        known!.Message.ShouldContain("'xz-utils'");
        known.Message.ShouldContain("build/test-deps.txt");

        var unknown = Assert.Throws<AssertionException>(() => ToolRunner.Require("pkgify-no-such-tool"));
        unknown!.Message.ShouldContain("pkgify-no-such-tool");
        unknown.Message.ShouldContain("build/test-deps.txt");
    }

    [Test]
    public void Running_a_missing_tool_fails_instead_of_throwing_a_platform_error()
    {
        var failure = Assert.Throws<AssertionException>(() => ToolRunner.Run("pkgify-no-such-tool", []));

        failure!.Message.ShouldContain("build/test-deps.txt");
    }

    // A killed process may linger as a zombie until reaped: that is dead (proc(5), field 3 of stat).
    static bool IsRunning(int pid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat) || File.ReadAllText(stat).Split(") ")[1].StartsWith('Z'))
                return false;
            Thread.Sleep(100);
        }
        return true;
    }
}
