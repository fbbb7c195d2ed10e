using System.Text.RegularExpressions;

namespace Pkgify.Core.Dependencies.Debian;

/// <summary>
/// Looks a soname up in a deb-shlibs(5) file: lines <c>[type:] library version dependencies</c>, where a soname
/// <c>libfoo.so.1</c> is library <c>libfoo</c> version <c>1</c> and <c>libfoo-1.2.so</c> is <c>libfoo</c>
/// <c>1.2</c>. An untyped line is a default a later <c>deb:</c> line overrides; other types (udeb) are ignored.
/// </summary>
internal static partial class ShlibsFile
{
    [GeneratedRegex(@"^\s*(?:(\S+):\s+)?(\S+)\s+(\S+)(?:\s+(\S.*\S))?\s*$")]
    private static partial Regex Line();

    [GeneratedRegex(@"^(.+)\.so\.(.+)$")]
    private static partial Regex StableSoname();

    [GeneratedRegex(@"^(.+)-(\d.*)\.so$")]
    private static partial Regex UnstableSoname();

    private const string PackageType = "deb";

    /// <summary>dpkg-shlibdeps' split_soname: (name, version), or null when the soname has neither form.</summary>
    public static (string Name, string Version)? SplitSoname(string soname)
    {
        var m = StableSoname().Match(soname);
        if (!m.Success)
            m = UnstableSoname().Match(soname);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : null;
    }

    /// <summary>The dependency text the file gives for <paramref name="soname"/> ("" when it lists none), or null.</summary>
    public static string? Find(string file, string soname)
    {
        if (SplitSoname(soname) is not var (name, version))
            return null;
        string? found = null;
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('#'))
                continue;
            var m = Line().Match(line);
            if (!m.Success || m.Groups[2].Value != name || m.Groups[3].Value != version)
                continue;
            var dependencies = m.Groups[4].Success ? m.Groups[4].Value : "";
            if (!m.Groups[1].Success)
                found ??= dependencies;
            else if (m.Groups[1].Value == PackageType)
                return dependencies;
        }
        return found;
    }
}
