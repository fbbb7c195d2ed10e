using System.Text.RegularExpressions;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// Evaluates PEP 508 environment markers (<c>sys_platform == "linux" and python_version &gt;= "3.10"</c>) for the
/// target: a Linux host of the build machine's architecture running the configured interpreter. Variables that
/// describe something pkgify cannot know for the target (platform_release, extra...) are usage errors.
/// </summary>
public static partial class EnvironmentMarker
{
    [GeneratedRegex(@"\G\s*(?:(?<str>'[^']*'|""[^""]*"")|(?<op>===|==|!=|~=|<=|>=|<|>|\(|\))|(?<word>[A-Za-z_][A-Za-z0-9_.]*))")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex NumericVersion();

    /// <summary>The marker variables of the target; python_version only when the interpreter's name tells it.</summary>
    public static IReadOnlyDictionary<string, string> TargetEnvironment(string? interpreterPath)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["os_name"] = "posix",
            ["sys_platform"] = "linux",
            ["platform_system"] = "Linux",
            ["platform_machine"] = PackageArchitecture.Host.Rpm,
            ["implementation_name"] = "cpython",
            ["platform_python_implementation"] = "CPython",
        };
        var version = interpreterPath is null ? null : PythonVersion().Match(Path.GetFileName(interpreterPath));
        if (version is { Success: true })
            env["python_version"] = version.Groups[1].Value;
        return env;
    }

    [GeneratedRegex(@"^python(\d+\.\d+)$")]
    private static partial Regex PythonVersion();

    /// <summary>True when <paramref name="marker"/> holds in <paramref name="env"/>; <paramref name="where"/> names it in errors.</summary>
    public static bool Evaluate(string marker, IReadOnlyDictionary<string, string> env, string where)
    {
        var parser = new Parser(Tokenize(marker, where), env, where, marker);
        var result = parser.Or();
        parser.ExpectEnd();
        return result;
    }

    private static List<(string Kind, string Text)> Tokenize(string marker, string where)
    {
        var tokens = new List<(string, string)>();
        var at = 0;
        while (at < marker.Length && !string.IsNullOrWhiteSpace(marker[at..]))
        {
            var m = Token().Match(marker, at);
            if (!m.Success)
                throw Bad(where, marker, $"unexpected text at '{Printable.Escape(marker[at..].Trim())}'");
            tokens.Add(m.Groups["str"].Success ? ("str", m.Groups["str"].Value[1..^1])
                : m.Groups["op"].Success ? ("op", m.Groups["op"].Value)
                : ("word", m.Groups["word"].Value));
            at = m.Index + m.Length;
        }
        return tokens;
    }

    private static UsageException Bad(string where, string marker, string why) =>
        new($"{where}: environment marker '{Printable.Escape(marker)}': {why} (PEP 508 syntax, e.g. 'sys_platform == \"linux\"')");

    /// <summary>Recursive descent over: or := and ('or' and)*; and := atom ('and' atom)*; atom := '(' or ')' | value op value.</summary>
    private sealed class Parser(List<(string Kind, string Text)> tokens, IReadOnlyDictionary<string, string> env, string where, string marker)
    {
        private int _at;

        public bool Or()
        {
            var value = And();
            while (Accept("word", "or"))
                value = And() | value;
            return value;
        }

        public void ExpectEnd()
        {
            if (_at < tokens.Count)
                throw Bad(where, marker, $"unexpected '{tokens[_at].Text}'");
        }

        private bool And()
        {
            var value = Atom();
            while (Accept("word", "and"))
                value = Atom() & value;
            return value;
        }

        private bool Atom()
        {
            if (Accept("op", "("))
            {
                var inner = Or();
                if (!Accept("op", ")"))
                    throw Bad(where, marker, "missing ')'");
                return inner;
            }
            var left = Value();
            var op = Operator();
            return Compare(left, op, Value());
        }

        private string Operator()
        {
            if (Accept("word", "in"))
                return "in";
            if (Accept("word", "not"))
                return Accept("word", "in") ? "not in" : throw Bad(where, marker, "'not' must be followed by 'in'");
            if (_at < tokens.Count && tokens[_at].Kind == "op" && tokens[_at].Text is not ("(" or ")"))
                return tokens[_at++].Text;
            throw Bad(where, marker, "expected a comparison operator");
        }

        private string Value()
        {
            if (_at >= tokens.Count)
                throw Bad(where, marker, "ends too early");
            var (kind, text) = tokens[_at++];
            if (kind == "str")
                return text;
            if (kind == "word" && env.TryGetValue(text, out var value))
                return value;
            throw Bad(where, marker, kind == "word"
                ? $"'{text}' is not known for the target (known: {string.Join(", ", env.Keys.Order(StringComparer.Ordinal))})"
                : $"unexpected '{text}'");
        }

        private bool Compare(string left, string op, string right)
        {
            if (op == "in")
                return right.Contains(left, StringComparison.Ordinal);
            if (op == "not in")
                return !right.Contains(left, StringComparison.Ordinal);
            var order = NumericVersion().IsMatch(left) && NumericVersion().IsMatch(right)
                ? CompareNumeric(left, right)
                : string.CompareOrdinal(left, right);
            return op switch
            {
                "==" or "===" => order == 0,
                "!=" => order != 0,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                ">=" => order >= 0,
                _ => throw Bad(where, marker, $"operator '{op}' is not supported here"),
            };
        }

        // PEP 440 release comparison: numeric components, missing ones count as zero (3.10 == 3.10.0). Components
        // compare as digit strings (length, then text) so no length of number can overflow.
        private static int CompareNumeric(string a, string b)
        {
            var x = a.Split('.');
            var y = b.Split('.');
            for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
            {
                var p = i < x.Length ? x[i].TrimStart('0') : "";
                var q = i < y.Length ? y[i].TrimStart('0') : "";
                var c = p.Length != q.Length ? p.Length.CompareTo(q.Length) : string.CompareOrdinal(p, q);
                if (c != 0)
                    return c;
            }
            return 0;
        }

        private bool Accept(string kind, string text)
        {
            if (_at < tokens.Count && tokens[_at].Kind == kind && tokens[_at].Text == text)
            {
                _at++;
                return true;
            }
            return false;
        }
    }
}
