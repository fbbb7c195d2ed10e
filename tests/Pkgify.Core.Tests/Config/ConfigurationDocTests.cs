using System.Text.RegularExpressions;
using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.TestSupport;
using Shouldly;
using YamlDotNet.RepresentationModel;

namespace Pkgify.Core.Tests.Config;

/// <summary>
/// Issue 9: docs/configuration.md documents exactly the keys the loader accepts (ConfigKeys), each with its
/// type, default and a YAML example that parses, and its complete example loads.
/// </summary>
public partial class ConfigurationDocTests
{
    private static readonly string DocPath = Path.Combine(RepoRoot.Path, "docs", "configuration.md");

    /// <summary>Every key the loader accepts, as the page names them: "name", "server.kind", "config[].dest".</summary>
    private static IEnumerable<string> ParserKeys() =>
        ConfigKeys.Sections.SelectMany(s => s.Keys.Select(k => s.Section.Length == 0 ? k : $"{s.Section}.{k}"));

    /// <summary>The page split at its "### `key`" headings: key → the text up to the next heading.</summary>
    private static Dictionary<string, string> DocumentedKeys()
    {
        var text = File.ReadAllText(DocPath);
        var headings = KeyHeading().Matches(text).ToList();
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.IndexOf("\n## ", headings[i].Index, StringComparison.Ordinal) is var next and > 0 ? next : text.Length;
            var key = headings[i].Groups[1].Value;
            sections.ContainsKey(key).ShouldBeFalse($"{key} is documented twice");
            sections[key] = text[headings[i].Index..end];
        }
        return sections;
    }

    [Test]
    public void Every_parser_key_is_documented()
    {
        var documented = DocumentedKeys().Keys.ToHashSet(StringComparer.Ordinal);
        ParserKeys().Where(k => !documented.Contains(k)).ShouldBeEmpty("keys the loader accepts but docs/configuration.md does not describe");
    }

    [Test]
    public void Every_documented_key_is_accepted_by_the_parser()
    {
        var accepted = ParserKeys().ToHashSet(StringComparer.Ordinal);
        DocumentedKeys().Keys.Where(k => !accepted.Contains(k)).ShouldBeEmpty("keys docs/configuration.md describes but the loader refuses");
    }

    [Test]
    public void Every_key_has_type_default_and_an_example_that_parses()
    {
        foreach (var (key, section) in DocumentedKeys())
        {
            section.ShouldContain("- **Type**: ", customMessage: key);
            section.ShouldContain("- **Default**: ", customMessage: key);
            var examples = YamlBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
            examples.ShouldNotBeEmpty($"{key} has no ```yaml example");
            foreach (var example in examples)
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(example));
                var root = (YamlMappingNode)stream.Documents.Single().RootNode;
                var top = key.Split('.')[0].Replace("[]", "");
                root.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ShouldContain(top, $"the example of {key} does not set {top}");
            }
        }
    }

    [Test]
    public void The_complete_example_loads_with_every_key_as_written()
    {
        var complete = YamlBlock().Matches(File.ReadAllText(DocPath)).Last().Groups[1].Value;
        using var project = ContractExampleTests.ContractProject();
        project.Write("pkgify.yaml", complete);

        var config = ConfigLoader.Load(project.Dir, _ => null);

        config.Name.ShouldBe("ledger");
        config.Server.Workers.ShouldBe(4);
        config.Hooks.PostInstall.ShouldBe("/opt/ledger/venv/bin/python -m ledger.migrate");
        var stream = new YamlStream();
        stream.Load(new StringReader(complete));
        var keys = ((YamlMappingNode)stream.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        ConfigKeys.Root.Where(k => k != "index_url").ShouldBeSubsetOf(keys);
    }

    [GeneratedRegex(@"^### `([^`]+)`$", RegexOptions.Multiline)]
    private static partial Regex KeyHeading();

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
