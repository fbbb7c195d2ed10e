namespace Pkgify.Core.Templates;

/// <summary>A Python distribution installed in the virtualenv, for doc/copyright.</summary>
/// <param name="Name">Distribution name as its metadata spells it.</param>
/// <param name="Version">Installed version.</param>
/// <param name="License">License as its metadata declares it (one line).</param>
public sealed record BundledDistribution(string Name, string Version, string License)
{
    /// <summary>Longest license text kept: some distributions put their whole license in the License field.</summary>
    private const int MaxLicenseLength = 100;

    /// <summary>
    /// The same distribution with a license fit for one line: first non-empty line only, shortened
    /// when long, "unknown" when empty.
    /// </summary>
    public BundledDistribution OneLine()
    {
        var lines = License.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.Length == 0 ? "unknown" : new string(lines[0].Where(c => !char.IsControl(c)).ToArray());
        var cut = first.Length > MaxLicenseLength || lines.Length > 1;
        var text = first.Length > MaxLicenseLength ? first[..MaxLicenseLength] : first;
        return this with { License = cut ? text + " (see the distribution's metadata)" : text };
    }
}
