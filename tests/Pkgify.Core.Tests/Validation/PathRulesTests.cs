using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Validation;
using Shouldly;

namespace Pkgify.Core.Tests.Validation;

/// <summary>Install paths: normalized ones are kept as they are (the same string), the rest rewritten or refused.</summary>
public class PathRulesTests
{
    [TestCase("/opt/app")]
    [TestCase("/a")]
    [TestCase("/opt/app/.hidden/..x/x..")]
    public void A_normalized_path_is_returned_as_the_same_string(string path)
    {
        var normalized = PathRules.Normalize(path, "file");
        normalized.ShouldBe(path);
        ReferenceEquals(normalized, path).ShouldBeTrue();
    }

    [TestCase("/opt//app", "/opt/app")]
    [TestCase("/opt/app/", "/opt/app")]
    [TestCase("//opt/app//", "/opt/app")]
    [TestCase("/opt/app/x/", "/opt/app/x")]
    public void Empty_components_and_trailing_slashes_are_removed(string path, string expected) =>
        PathRules.Normalize(path, "file").ShouldBe(expected);

    [TestCase("/opt/./app")]
    [TestCase("/opt/app/..")]
    [TestCase("/opt/../etc/passwd")]
    [TestCase("/.")]
    public void Dot_components_are_refused(string path) =>
        Should.Throw<UsageException>(() => PathRules.Normalize(path, "file")).Message.ShouldContain("'.' and '..' are not allowed");

    [TestCase("/")]
    [TestCase("//")]
    public void The_root_itself_is_refused(string path) =>
        Should.Throw<UsageException>(() => PathRules.Normalize(path, "file")).Message.ShouldContain("root directory itself");

    [TestCase("opt/app")]
    [TestCase("")]
    public void A_relative_path_is_refused(string path) =>
        Should.Throw<UsageException>(() => PathRules.Normalize(path, "file")).Message.ShouldContain("must be absolute");
}
