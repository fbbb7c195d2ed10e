using System.Text;
using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class PrefixRewriterTests
{
    private static readonly PrefixRewriter Rewriter = new("/b/venv", "/opt/x/venv");

    private static string? Rewrite(string text) =>
        Rewriter.Rewrite(Encoding.UTF8.GetBytes(text)) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    [TestCase("/b/venv", "/opt/x/venv")]
    [TestCase("VIRTUAL_ENV=\"/b/venv\"\n", "VIRTUAL_ENV=\"/opt/x/venv\"\n")]
    [TestCase("a /b/venv/bin:/b/venv/lib /b/venv", "a /opt/x/venv/bin:/opt/x/venv/lib /opt/x/venv")]
    public void Whole_path_components_are_replaced(string text, string expected) => Rewrite(text).ShouldBe(expected);

    [TestCase("/b/venv2")]
    [TestCase("/b/venv.old/x")]
    [TestCase("/b/venvé")]
    [TestCase("/b/ven")]
    public void Longer_names_are_not_touched(string text) => Rewrite(text).ShouldBeNull();

    [Test]
    public void A_non_matching_first_occurrence_does_not_hide_a_later_match() =>
        Rewrite("/b/venv2 and /b/venv/x").ShouldBe("/b/venv2 and /opt/x/venv/x");

    [Test]
    public void IsPrefixOf_respects_components()
    {
        Rewriter.IsPrefixOf("/b/venv").ShouldBeTrue();
        Rewriter.IsPrefixOf("/b/venv/bin/python").ShouldBeTrue();
        Rewriter.IsPrefixOf("/b/venv2/bin/python").ShouldBeFalse();
    }
}
