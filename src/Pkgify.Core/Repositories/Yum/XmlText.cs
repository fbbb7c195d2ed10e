using System.Text;
using System.Xml;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// Writes package-supplied text into the repository XML. XmlWriter escapes &lt; &amp; " ' and line breaks in
/// attributes, but characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be escaped
/// at all: one of them in a description would make dnf refuse the whole repository, so each becomes U+FFFD.
/// </summary>
public static class XmlText
{
    /// <summary>The settings of every metadata file: UTF-8 without BOM, two-space indent, "\n" line ends.</summary>
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    /// <summary><paramref name="text"/> with every character XML 1.0 cannot carry replaced by U+FFFD.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var valid = pair || XmlConvert.IsXmlChar(c);
            if (!valid && cleaned is null)
            {
                cleaned = new StringBuilder(text, 0, i, text.Length);
            }

            if (cleaned is not null)
            {
                if (pair)
                {
                    cleaned.Append(c).Append(text[i + 1]);
                }
                else
                {
                    cleaned.Append(valid ? c : '\uFFFD');
                }
            }

            if (pair)
            {
                i++;
            }
        }

        return cleaned?.ToString() ?? text;
    }

    /// <summary>Writes <c>&lt;name&gt;text&lt;/name&gt;</c> in <paramref name="ns"/>, the text cleaned.</summary>
    public static void Element(XmlWriter w, string? prefix, string name, string ns, string text)
    {
        w.WriteStartElement(prefix, name, ns);
        w.WriteString(Clean(text));
        w.WriteEndElement();
    }

    /// <summary>Writes an attribute, its value cleaned.</summary>
    public static void Attribute(XmlWriter w, string name, string value) => w.WriteAttributeString(name, Clean(value));
}
