using System.Globalization;
using System.Text;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// The text of <c>dists/&lt;dist&gt;/Release</c> (formats.md §3.3): RFC 822 fields, then one hash list per digest,
/// each line " &lt;hex&gt; &lt;size&gt; &lt;path&gt;". SHA256 and SHA512 are the strong lists apt requires; MD5Sum is kept for
/// older tools. SHA1 is left out: nothing needs it and apt calls it weak.
/// </summary>
public static class ReleaseFile
{
    // apt-ftparchive right-aligns sizes in 16 columns; apt itself splits on whitespace.
    private const int SizeWidth = 16;

    /// <summary>Builds the Release text from <paramref name="fields"/> (in order) and the index <paramref name="files"/> (sorted here).</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<AptIndexFile> files)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        AppendList(text, "MD5Sum", sorted, d => d.Md5);
        AppendList(text, "SHA256", sorted, d => d.Sha256);
        AppendList(text, "SHA512", sorted, d => d.Sha512);
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string name, List<AptIndexFile> files, Func<FileDigests, string> hash)
    {
        text.Append(name).Append(":\n");
        foreach (var file in files)
        {
            text.Append(' ').Append(hash(file.Digests)).Append(' ')
                .Append(file.Digests.Size.ToString(CultureInfo.InvariantCulture).PadLeft(SizeWidth)).Append(' ')
                .Append(file.Path).Append('\n');
        }
    }
}
