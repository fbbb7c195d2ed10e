using System.Text;
using Pkgify.TestSupport;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>
/// Runs rpm's <c>/usr/lib/rpm/elfdeps</c> on many files through one shell loop: thousands of separate process
/// launches from .NET would dominate the test time on a loaded machine.
/// </summary>
internal static class ElfDepsBatch
{
    public const string ElfDeps = "/usr/lib/rpm/elfdeps";
    private const string Separator = "\u0001";

    // One file name per stdin line; each answer is framed by separator lines naming the mode and the file.
    private const string Script = """
        while IFS= read -r f; do
          printf '\001requires %s\n' "$f"; "$0" --requires "$f" || exit 1
          printf '\001provides %s\n' "$f"; "$0" --provides "$f" || exit 1
        done
        """;

    public static Dictionary<string, (List<string> Requires, List<string> Provides)> Run(IReadOnlyCollection<string> files)
    {
        ToolRunner.Require(ElfDeps);
        var input = Encoding.UTF8.GetBytes(string.Concat(files.Select(f => f + "\n")));
        var output = ToolRunner.RunChecked("/bin/sh", ["-c", Script, ElfDeps], stdin: input).StdOut;
        var result = files.ToDictionary(f => f, _ => (Requires: new List<string>(), Provides: new List<string>()));
        List<string>? current = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(Separator, StringComparison.Ordinal))
            {
                var space = line.IndexOf(' ');
                var entry = result[line[(space + 1)..]];
                current = line[1..space] == "requires" ? entry.Requires : entry.Provides;
            }
            else
            {
                current!.Add(line);
            }
        }
        return result;
    }
}
