using NUnit.Framework;
using Shouldly;

namespace Pkgify.Cli.Tests.Support;

/// <summary>The linters' allowlists: every accepted tag carries its reason.</summary>
public class TagAllowlistTests
{
    [TestCase("lintian-allowlist.txt", "dir-or-file-in-opt")]
    [TestCase("rpmlint-allowlist.txt", "no-signature")]
    public void The_repository_allowlists_load(string file, string knownTag) =>
        TagAllowlist.Load(file).ShouldContain(knownTag);

    [Test]
    public void Comments_and_blank_lines_are_skipped_and_tags_keep_their_reason() =>
        TagAllowlist.Parse(["# header", "", "a-tag   # because", "  b-tag#why"], "t").ShouldBe(["a-tag", "b-tag"], ignoreOrder: true);

    [TestCase("bare-tag")]
    [TestCase("empty-reason #")]
    [TestCase("blank-reason #   ")]
    public void A_tag_without_a_reason_is_refused(string line) =>
        Should.Throw<InvalidDataException>(() => TagAllowlist.Parse(["# ok", line], "list.txt"))
            .Message.ShouldStartWith("list.txt:2: tag");

    [Test]
    public void Two_tags_on_a_line_or_a_tag_listed_twice_are_refused()
    {
        Should.Throw<InvalidDataException>(() => TagAllowlist.Parse(["a b # two"], "t"));
        Should.Throw<InvalidDataException>(() => TagAllowlist.Parse(["a # one", "a # again"], "t"));
    }
}
