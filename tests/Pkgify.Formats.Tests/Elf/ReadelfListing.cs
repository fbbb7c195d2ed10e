using System.Text;
using System.Text.RegularExpressions;
using TestTools = Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.Elf;

/// <summary>
/// What GNU readelf says about a file's dynamic linking, parsed into plain strings the reader's results can be
/// compared with. readelf runs once for many files through a shell loop (process launches from .NET are slow).
/// </summary>
internal sealed partial class ReadelfListing
{
    public string Class = "", Data = "", Type = "", Interpreter = "";
    public List<string> Needed = [], SoName = [], RPath = [], RunPath = [];
    public List<string> VersionNeeds = [], VersionDefinitions = [], Imports = [], Copies = [];

    private const string Separator = "\u0001";

    private const string Script = """
        while IFS= read -r f; do
          printf '\001%s\n' "$f"; "$0" -h -l -d -V --dyn-syms -r -W "$f" || exit 1
        done
        """;

    /// <summary>readelf's view of each file, by path.</summary>
    public static Dictionary<string, ReadelfListing> For(IReadOnlyCollection<string> files)
    {
        var readelf = TestTools.ToolRunner.Require("readelf");
        var input = Encoding.UTF8.GetBytes(string.Concat(files.Select(f => f + "\n")));
        var output = TestTools.ToolRunner.RunChecked("/bin/sh", ["-c", Script, readelf], stdin: input).StdOut;
        var result = new Dictionary<string, ReadelfListing>(StringComparer.Ordinal);
        ReadelfListing? current = null;
        var section = "";
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(Separator, StringComparison.Ordinal))
            {
                result[line[1..]] = current = new ReadelfListing();
                section = "";
                continue;
            }
            if (current is null)
                continue;
            section = line.StartsWith("Version needs section", StringComparison.Ordinal) ? "needs"
                : line.StartsWith("Version definition section", StringComparison.Ordinal) ? "defs"
                : line.StartsWith("Symbol table '.dynsym'", StringComparison.Ordinal) ? "dynsym"
                : line.StartsWith("Version symbols section", StringComparison.Ordinal) || line.Length == 0 ? "" : section;
            current.Take(line, section);
        }
        return result;
    }

    [GeneratedRegex(@"^\s+(Class|Data|Type):\s+(.*)$")]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"\[Requesting program interpreter: (.*)\]$")]
    private static partial Regex InterpreterLine();

    [GeneratedRegex(@"\((NEEDED|SONAME|RPATH|RUNPATH)\)\s+[^\[]*\[(.*)\]$")]
    private static partial Regex DynamicEntry();

    // readelf separates fields with two spaces; sonames may hold single spaces.
    [GeneratedRegex(@"^\s+[0-9a-fx]+:\s+Version: \d+\s+File: (.*)  Cnt: \d+$")]
    private static partial Regex NeedFile();

    [GeneratedRegex(@"^\s+0x[0-9a-f]+:\s+Name: (\S+)\s+Flags: (.*?)\s+Version: (\d+)$")]
    private static partial Regex NeedName();

    [GeneratedRegex(@"^\s+(?:0x)?[0-9a-f]+: Rev: \d+\s+Flags: (.*?)\s+Index: (\d+)\s+Cnt: \d+\s+Name: (.*)$")]
    private static partial Regex Definition();

    [GeneratedRegex(@"^\s+0x[0-9a-f]+: Parent \d+: (.*)$")]
    private static partial Regex Parent();

    [GeneratedRegex(@"^\s*\d+: [0-9a-f]+\s+\d+\s+\S+\s+(\S+)\s+\S+\s+UND (\S+)")]
    private static partial Regex UndefinedSymbol();

    // A relocation line: offset, info, type, symbol value, then "name[@version] + addend".
    [GeneratedRegex(@"^[0-9a-f]+\s+[0-9a-f]+\s+R_\w+_COPY\s+[0-9a-f]+\s+(\S+) \+ [0-9a-f]+$")]
    private static partial Regex CopyRelocation();

    private void Take(string line, string section)
    {
        Match m;
        if ((m = HeaderField().Match(line)).Success && Class.Length + Data.Length + Type.Length < 3 * 200)
            _ = m.Groups[1].Value switch { "Class" => Class = m.Groups[2].Value, "Data" => Data = m.Groups[2].Value, _ => Type = m.Groups[2].Value.Split(' ')[0] };
        else if ((m = InterpreterLine().Match(line)).Success)
            Interpreter = m.Groups[1].Value;
        else if ((m = DynamicEntry().Match(line)).Success)
            (m.Groups[1].Value switch { "NEEDED" => Needed, "SONAME" => SoName, "RPATH" => RPath, _ => RunPath }).Add(m.Groups[2].Value);
        else if (section == "needs" && (m = NeedFile().Match(line)).Success)
            VersionNeeds.Add($"file {m.Groups[1].Value}");
        else if (section == "needs" && (m = NeedName().Match(line)).Success)
            VersionNeeds.Add($"{m.Groups[1].Value} weak={m.Groups[2].Value.Contains("WEAK")} index={m.Groups[3].Value}");
        else if (section == "defs" && (m = Definition().Match(line)).Success)
            VersionDefinitions.Add($"def {m.Groups[2].Value} base={m.Groups[1].Value.Contains("BASE")} {m.Groups[3].Value}");
        else if (section == "defs" && (m = Parent().Match(line)).Success)
            VersionDefinitions.Add(m.Groups[1].Value);
        else if (section == "dynsym" && (m = UndefinedSymbol().Match(line)).Success)
            Imports.Add($"{m.Groups[2].Value} weak={m.Groups[1].Value == "WEAK"}");
        else if ((m = CopyRelocation().Match(line)).Success)
            Copies.Add(m.Groups[1].Value);
    }
}
