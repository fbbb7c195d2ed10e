using Mono.Unix;

namespace Pkgify.Core.Python;

/// <summary>
/// Replaces a file's content by writing a sibling and renaming it over the original: a reader
/// never sees half a file, and the source can be streamed into its own replacement. The
/// original's permission bits are kept (a script stays executable).
/// </summary>
internal static class FileReplacer
{
    private const string TemporarySuffix = ".pkgify-rewrite";

    /// <summary>Writes the new content with <paramref name="write"/> and returns its RECORD digest.</summary>
    public static RecordDigest Replace(string file, Action<Stream> write)
    {
        var temporary = file + TemporarySuffix;
        try
        {
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                write(output);
            }
            new UnixFileInfo(temporary).FileAccessPermissions = new UnixFileInfo(file).FileAccessPermissions;
            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return RecordDigest.Of(file);
    }

    /// <summary>Replaces the file's content by <paramref name="content"/>.</summary>
    public static RecordDigest Replace(string file, byte[] content) => Replace(file, s => s.Write(content));
}
