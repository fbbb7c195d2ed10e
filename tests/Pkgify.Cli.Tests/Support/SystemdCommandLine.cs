using System.Text;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Splits an ExecStart= value into arguments as systemd.service(5) "Command lines" describes.</summary>
public static class SystemdCommandLine
{
    public static IReadOnlyList<string> Split(string value)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                current.Append(value[++i]);
                inWord = true;
            }
            else if (quote is not null)
            {
                if (c == quote) quote = null;
                else current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) args.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord) args.Add(current.ToString());
        // "$$" is a literal dollar sign after systemd's variable expansion.
        return args.Select(a => a.Replace("$$", "$")).ToList();
    }

    /// <summary>The ExecStart= value of a unit file, with continuation lines joined.</summary>
    public static string ExecStart(string unitText)
    {
        var joined = unitText.Replace("\\\n", " ");
        var line = joined.Split('\n').First(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        return line["ExecStart=".Length..];
    }
}
