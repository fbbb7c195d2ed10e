using NUnit.Framework;
using Pkgify.Core.Dependencies.Debian;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>Our ordering of Debian versions must agree with <c>dpkg --compare-versions</c> on tricky pairs.</summary>
public class DebianVersionTests
{
    private static readonly string[] Versions =
    [
        "1.0", "1.0-1", "1.0-0", "1:0.9", "0:1.0", "1.0~rc1", "1.0~~", "1.0~", "1.0+b1", "1.0a", "1.0.0", "1.00", "1.0-1~bpo1",
        "2.36-9+deb12u4", "2.36", "2.4", "2.34", "1:1.2.13.dfsg-1", "1:1.2.0", "1:1.2.0.2", "14~~", "15.18-0+deb12u1", "0", "",
        "4.18.0+dfsg-1", "4.18.0+dfsg", "a", "1.2.3-4-5", "10", "9", "1.1.4.dfsg-1", "0~20220623.0-1",
    ];

    [Test]
    public void Agrees_with_dpkg_compare_versions()
    {
        var dpkg = ToolRunner.Require("dpkg");
        // Every ordered pair, checked with one shell loop: one dpkg call per pair from .NET would take minutes.
        var pairs = Versions.Where(v => v.Length > 0).SelectMany(a => Versions.Where(v => v.Length > 0).Select(b => (a, b))).ToList();
        var script = "while read -r a b; do if \"$0\" --compare-versions \"$a\" lt \"$b\"; then echo lt; elif \"$0\" --compare-versions \"$a\" eq \"$b\"; then echo eq; else echo gt; fi; done";
        var input = System.Text.Encoding.UTF8.GetBytes(string.Concat(pairs.Select(p => $"{p.a} {p.b}\n")));
        var answers = ToolRunner.RunChecked("/bin/sh", ["-c", script, dpkg], stdin: input).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        answers.Length.ShouldBe(pairs.Count);
        var wrong = pairs.Select((p, i) => (p, want: answers[i], got: Sign(DebianVersion.Compare(p.a, p.b))))
            .Where(x => x.want != x.got).Select(x => $"{x.p.a} vs {x.p.b}: dpkg {x.want}, ours {x.got}").ToList();
        wrong.ShouldBeEmpty();
    }

    private static string Sign(int c) => c < 0 ? "lt" : c == 0 ? "eq" : "gt";
}
