using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Relations;
using Shouldly;

namespace Pkgify.Core.Tests.Model;

public class RelationParserTests
{
    [TestCase("libpq5", "libpq5", "libpq5")]
    [TestCase("x (>= 1)", "x (>= 1)", "x >= 1")]
    [TestCase("x(<<2.0~rc1)", "x (<< 2.0~rc1)", "x < 2.0~rc1")]
    [TestCase("a | b (= 3)", "a | b (= 3)", "(a or b = 3)")]
    [TestCase("/usr/bin/python3.11", "/usr/bin/python3.11", "/usr/bin/python3.11")]
    [TestCase("libpq.so.5()(64bit)", "libpq.so.5()(64bit)", "libpq.so.5()(64bit)")]
    public void Parses_and_renders_for_both_families(string text, string deb, string rpm)
    {
        var g = RelationParser.Parse(text, "--depends");
        g.ToDeb().ShouldBe(deb);
        g.ToRpm().ShouldBe(rpm);
    }

    [TestCase("x (> 1)")]
    [TestCase("a, b")]
    [TestCase("x (>= )")]
    [TestCase("x\ny")]
    [TestCase("")]
    public void Rejects_malformed_relations(string text) =>
        Should.Throw<UsageException>(() => RelationParser.Parse(text, "--depends"));
}

public class RpmRelationParserTests
{
    [TestCase("bash", "bash")]
    [TestCase("bash >= 4.0", "bash >= 4.0")]
    [TestCase("libpq.so.5()(64bit)", "libpq.so.5()(64bit)")]
    [TestCase("/usr/bin/python3.11", "/usr/bin/python3.11")]
    [TestCase("foo<2", "foo < 2")]
    public void Parses_rpm_relations(string text, string rendered) =>
        RelationParser.ParseRpm(text, "depends.rpm").ToRpm().ShouldBe(rendered);

    [TestCase("(a or b)")]
    [TestCase("a, b")]
    [TestCase("a >= ")]
    [TestCase("")]
    public void Rejects_what_it_cannot_express(string text) =>
        Should.Throw<UsageException>(() => RelationParser.ParseRpm(text, "depends.rpm"));
}
