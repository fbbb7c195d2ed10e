using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Validation;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Validation;

public class VersionRulesTests
{
    [TestCase("1.4.2", 0, "1.4.2")]
    [TestCase("1.4.2rc1", 0, "1.4.2~rc1")]
    [TestCase("1.0a1", 0, "1.0~a1")]
    [TestCase("1.0-beta.2", 0, "1.0~b2")]
    [TestCase("1.0c3", 0, "1.0~rc3")]
    [TestCase("1.0.dev3", 0, "1.0~~dev3")]
    [TestCase("1.0a1.dev2", 0, "1.0~a1~dev2")]
    [TestCase("1.0.post1", 0, "1.0+post1")]
    [TestCase("1.0.post", 0, "1.0+post0")]
    [TestCase("1.0-1", 0, "1.0+post1")]
    [TestCase("2!1.0", 2, "1.0")]
    [TestCase("1.0+local.7", 0, "1.0+local.7")]
    [TestCase("v2.0", 0, "2.0")]
    [TestCase("1.2.3~beta", 0, "1.2.3~beta")]
    public void Maps_pep440_to_package_versions(string input, int epoch, string upstream)
    {
        VersionRules.MapUpstream(input, "version").ShouldBe((epoch, upstream));
    }

    [TestCase("1.0 beta")]
    [TestCase("")]
    [TestCase("beta")]
    [TestCase("1..2")]
    [TestCase("1.0/2")]
    public void Rejects_versions_neither_tool_accepts(string input)
    {
        var e = Should.Throw<UsageException>(() => VersionRules.MapUpstream(input, "version"));
        e.ExitCode.ShouldBe(2);
        e.Message.ShouldStartWith("version:");
    }

    [TestCase("1-2")]
    [TestCase("")]
    [TestCase("a b")]
    public void Rejects_bad_releases(string release) =>
        Should.Throw<UsageException>(() => VersionRules.ValidateRelease(release, "release"));

    /// <summary>
    /// The mapped versions must keep PEP 440's order in the tools that compare them: dpkg and rpm.
    /// </summary>
    [Test]
    public void Mapped_versions_keep_pep440_order_in_dpkg_and_rpm()
    {
        ToolRunner.Require("dpkg");
        ToolRunner.Require("rpm");
        string[] pep440Ascending = { "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0.post1", "1.0.1" };
        var mapped = pep440Ascending.Select(v => VersionRules.MapUpstream(v, "v").Upstream).ToArray();
        for (var i = 0; i + 1 < mapped.Length; i++)
        {
            var (lower, higher) = (mapped[i] + "-1", mapped[i + 1] + "-1");
            ToolRunner.Run("dpkg", new[] { "--compare-versions", lower, "lt", higher }).ExitCode
                .ShouldBe(0, $"dpkg: {lower} < {higher}");
            var rpm = ToolRunner.Run("rpm", new[] { "--eval", $"%{{lua: print(rpm.vercmp('{lower}', '{higher}'))}}" });
            rpm.StdOut.Trim().ShouldBe("-1", $"rpm: {lower} < {higher}");
        }
    }
}
