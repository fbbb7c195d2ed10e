using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>
/// Reads and validates a pip requirements file (pip's "Requirements File Format"): every
/// requirement pinned with == or ===, no URL/path/VCS/editable requirement, hashes on all lines
/// or none. pip itself is later given the file unchanged, so index options written in it
/// (--index-url, --extra-index-url, --find-links, ...) apply as the user wrote them.
/// </summary>
public static class RequirementsFile
{
    /// <summary>Whole-line options pip accepts that pkgify leaves to pip.</summary>
    private static readonly HashSet<string> PassThroughOptions = new(StringComparer.Ordinal)
    {
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--no-index", "--trusted-host",
        "--pre", "--prefer-binary", "--only-binary", "--no-binary", "--use-feature",
    };

    /// <summary>Per-requirement options (after the requirement on its line) left to pip.</summary>
    private static readonly HashSet<string> PassThroughRequirementOptions = new(StringComparer.Ordinal)
    {
        "--config-settings", "--global-option", "--install-option",
    };

    private const string HashOption = "--hash";
    private const string RequireHashesOption = "--require-hashes";

    /// <summary>Parses <paramref name="path"/> and the files it includes with -r.</summary>
    /// <exception cref="UsageException">A rule is broken; the message names file and line.</exception>
    public static Requirements Parse(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new UsageException($"requirements: '{path}' not found: write the pinned list there (pip freeze > {Path.GetFileName(path)}) or set requirements: in pkgify.yaml");
        var state = new ParseState(Path.GetDirectoryName(full)!);
        ReadFile(full, state, includedFrom: null);
        CheckHashesEverywhere(state);
        return new Requirements(state.Items, state.Items.Count > 0 && state.HashesDemandedBy is not null);
    }

    private sealed class ParseState(string topDirectory)
    {
        public string TopDirectory { get; } = topDirectory;
        public List<Requirement> Items { get; } = [];
        public List<string> IncludeStack { get; } = [];
        /// <summary>Where the first hash or --require-hashes is ("file:line has a --hash"): pip then wants a hash everywhere.</summary>
        public string? HashesDemandedBy { get; set; }

        public string Show(string full) => Path.GetRelativePath(TopDirectory, full);
    }

    private static void ReadFile(string full, ParseState state, string? includedFrom)
    {
        if (state.IncludeStack.Contains(full, StringComparer.Ordinal))
        {
            var chain = string.Join(" -> ", state.IncludeStack.Append(full).Select(state.Show));
            throw new UsageException($"{includedFrom}: including {state.Show(full)} makes a cycle ({chain}): remove one of the -r lines");
        }
        state.IncludeStack.Add(full);
        var shown = state.Show(full);
        foreach (var line in RequirementLines.Read(full, shown))
        {
            var where = $"{shown}:{line.Number}";
            if (line.Text.StartsWith('-')) ReadOptionLine(line.Text, full, where, state);
            else ReadRequirementLine(line, shown, state);
        }
        state.IncludeStack.RemoveAt(state.IncludeStack.Count - 1);
    }

    private static void ReadOptionLine(string text, string file, string where, ParseState state)
    {
        var (option, value) = SplitOption(text);
        switch (option)
        {
            case "-r" or "--requirement":
                ReadInclude(value, file, where, state);
                break;
            case RequireHashesOption:
                state.HashesDemandedBy ??= $"{where} sets {RequireHashesOption}";
                break;
            case "-e" or "--editable":
                throw new UsageException($"{where}: '{text}' is an editable install, which points into a source tree: build a wheel, put it in the wheelhouse: directory and write name==version");
            case "-c" or "--constraint":
                throw new UsageException($"{where}: '{text}': constraints files are not supported: pin every requirement with == in the requirements file itself");
            default:
                if (!PassThroughOptions.Contains(option))
                    throw new UsageException($"{where}: '{option}' is not a pip requirements-file option pkgify accepts: remove it (allowed: -r, {string.Join(", ", PassThroughOptions.Order(StringComparer.Ordinal))}, {RequireHashesOption})");
                break;
        }
    }

    private static void ReadInclude(string value, string file, string where, ParseState state)
    {
        if (value.Length == 0)
            throw new UsageException($"{where}: -r needs a file name: write -r other.txt");
        if (value.Contains("://", StringComparison.Ordinal))
            throw new UsageException($"{where}: -r {value} includes a URL, fetched at build time: save the file next to the requirements and include it by path");
        // pip resolves an included file relative to the file that includes it.
        var included = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, value));
        if (!File.Exists(included))
            throw new UsageException($"{where}: -r {value}: {included} not found: fix the file name");
        ReadFile(included, state, where);
    }

    private static (string Option, string Value) SplitOption(string text)
    {
        var firstSpace = text.IndexOfAny([' ', '\t']);
        var head = firstSpace < 0 ? text : text[..firstSpace];
        var rest = firstSpace < 0 ? "" : text[(firstSpace + 1)..].Trim();
        var equals = head.IndexOf('=');
        if (head.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            return (head[..equals], (head[(equals + 1)..] + " " + rest).Trim());
        // optparse also takes a short option glued to its value: -rother.txt.
        if (!head.StartsWith("--", StringComparison.Ordinal) && head.Length > 2)
            return (head[..2], (head[2..] + " " + rest).Trim());
        return (head, rest);
    }

    private static void ReadRequirementLine(RequirementLine line, string shown, ParseState state)
    {
        var where = $"{shown}:{line.Number}";
        var tokens = line.Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // As in pip, the requirement runs up to the first token that starts with '-'.
        var firstOption = Array.FindIndex(tokens, t => t.StartsWith('-'));
        var requirementText = string.Join(' ', firstOption < 0 ? tokens : tokens[..firstOption]);
        var hashes = firstOption < 0 ? [] : ReadRequirementOptions(tokens[firstOption..], where);
        var requirement = RequirementSpec.Parse(requirementText, hashes, shown, line.Number);
        if (hashes.Count > 0) state.HashesDemandedBy ??= $"{where} has one";
        state.Items.Add(requirement);
    }

    private static List<string> ReadRequirementOptions(string[] tokens, string where)
    {
        var hashes = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var equals = token.IndexOf('=');
            var option = equals > 0 ? token[..equals] : token;
            if (option == HashOption)
            {
                var value = equals > 0 ? token[(equals + 1)..] : i + 1 < tokens.Length ? tokens[++i] : "";
                hashes.Add(RequirementHash.Validate(value, where));
            }
            else if (PassThroughRequirementOptions.Contains(option))
            {
                if (equals < 0) i++;
            }
            else
            {
                throw new UsageException($"{where}: '{token}' is not an option pkgify accepts after a requirement: use --hash=sha256:<digest> or remove it");
            }
        }
        return hashes;
    }

    private static void CheckHashesEverywhere(ParseState state)
    {
        if (state.HashesDemandedBy is null) return;
        var without = state.Items.FirstOrDefault(r => r.Hashes.Count == 0);
        if (without is null) return;
        throw new UsageException(
            $"{without.File}:{without.Line}: '{without.Name}=={without.Version}' has no --hash, but {state.HashesDemandedBy}, " +
            "and then pip requires a hash on every requirement (--require-hashes mode): add --hash=sha256:<digest> (pip hash FILE prints it) or remove all hashes");
    }
}
