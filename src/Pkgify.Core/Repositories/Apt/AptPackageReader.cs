using Pkgify.Core.Errors;
using Pkgify.Core.Reading;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>Reads what a Packages stanza needs from one .deb: its control stanza and its file digests.</summary>
public static class AptPackageReader
{
    /// <summary>
    /// Reads <paramref name="path"/> (listed as <paramref name="filename"/>). A damaged .deb, or one whose name,
    /// version or architecture cannot name a pool file, is a <see cref="BuildException"/> naming the file.
    /// </summary>
    public static AptPackage Read(string path, string filename)
    {
        try
        {
            var digests = FileDigests.Of(path);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var fields = DebPackageReader.ReadControlFields(stream);
            if (AptNames.ProblemWithPackage(fields) is { } problem)
            {
                throw new BuildException($"{path}: cannot be published: {problem}");
            }

            return new AptPackage(fields, filename, digests);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw new BuildException($"{path}: damaged package: {Printable.Escape(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException($"{path}: cannot be read: {Printable.Escape(e.Message)}", e);
        }
    }
}
