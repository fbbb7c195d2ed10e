using Pkgify.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pkgify.Core.Config;

/// <summary>The file being read (as the user should see its name) and where values get recorded.</summary>
internal sealed record YamlContext(string DisplayFile, bool FileExists, ConfigOrigins Origins)
{
    public ConfigLocation At(Mark mark) => new(DisplayFile, (int)mark.Line, (int)mark.Column);

    public ConfigLocation At(YamlNode node) => At(node.Start);

    /// <summary>
    /// A one-line user error located at <paramref name="node"/>; without a pkgify.yaml nothing has a
    /// position, so only the file to create is named. Control characters quoted from the file are
    /// made visible, so the message stays on one line.
    /// </summary>
    public UsageException Error(YamlNode node, string message) =>
        new(ValueRules.Printable(FileExists ? $"{At(node)}: {message}" : $"{DisplayFile}: {message}"));
}
