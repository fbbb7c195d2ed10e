namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Writes one stanza of a Packages index (formats.md §3.2): the package's control fields in their order, then
/// the repository's own fields (Filename, Size, MD5sum, SHA256, SHA512), Description last as apt-ftparchive
/// writes it. Control fields that name repository facts are dropped: a .deb must not choose its own Filename or
/// hashes.
/// </summary>
public static class PackagesStanza
{
    private const string DescriptionField = "Description";

    private static readonly HashSet<string> RepositoryFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Filename", "Size", "MD5sum", "SHA1", "SHA256", "SHA512",
    };

    /// <summary>Writes the stanza of <paramref name="package"/> followed by the empty line that ends it.</summary>
    public static void Write(TextWriter output, AptPackage package)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(package);
        foreach (var (name, value) in package.Fields)
        {
            if (!RepositoryFields.Contains(name) && !name.Equals(DescriptionField, StringComparison.OrdinalIgnoreCase))
            {
                WriteField(output, name, value);
            }
        }

        WriteField(output, "Filename", package.Filename);
        WriteField(output, "Size", package.Digests.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteField(output, "MD5sum", package.Digests.Md5);
        WriteField(output, "SHA256", package.Digests.Sha256);
        WriteField(output, "SHA512", package.Digests.Sha512);
        if (package.Fields.TryGetValue(DescriptionField, out var description))
        {
            WriteField(output, DescriptionField, description);
        }

        output.Write('\n');
    }

    // Values keep their continuation lines (each starts with a space), so multi-line fields come out as read.
    private static void WriteField(TextWriter output, string name, string value)
    {
        output.Write(name);
        output.Write(value.StartsWith('\n') ? ":" : ": ");
        output.Write(value);
        output.Write('\n');
    }
}
