using System.Text.RegularExpressions;
using Pkgify.Core.Dependencies.Debian;

namespace Pkgify.Core.Dependencies;

/// <summary>The Debian package a Python interpreter path stands for.</summary>
internal static partial class InterpreterPackage
{
    // Debian and Ubuntu ship /usr/bin/pythonX.Y in package pythonX.Y (and /usr/bin/python3 in python3).
    [GeneratedRegex(@"^/usr/bin/(python3(\.\d+)?)$")]
    private static partial Regex DistributionPython();

    /// <summary>
    /// <c>python3.11</c> for <c>/usr/bin/python3.11</c>; for another path, the installed package that owns it
    /// on a Debian build host; null when neither tells (the project declares the relation itself).
    /// </summary>
    public static string? Debian(string path, HostSystem host)
    {
        var m = DistributionPython().Match(path);
        if (m.Success)
            return m.Groups[1].Value;
        var dpkg = new DpkgDatabase(host);
        var owners = dpkg.Scan(path);
        if (owners.Count == 0)
            owners = dpkg.Scan(PosixPath.RealPath(path));
        return owners.Count > 0 ? owners[0].Split(':')[0] : null;
    }
}
