using Pkgify.Core.Errors;
using Pkgify.Core.Validation;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Signing;

/// <summary>The signature time of a package signed without SOURCE_DATE_EPOCH: its own BUILDTIME (1006), not the clock.</summary>
public static class RpmBuildTime
{
    /// <summary>BUILDTIME of <paramref name="path"/>, 0 when the header has none.</summary>
    public static long Of(string path)
    {
        try
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return RpmPackageReader.Open(input).Header.GetInteger(RpmTags.BuildTime) ?? 0;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new BuildException($"{path}: damaged package: {Printable.Escape(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot be opened ({e.Message}): give the path of an .rpm file", e);
        }
    }
}
