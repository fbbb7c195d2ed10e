namespace Pkgify.Formats.Rpm;

/// <summary>The fields of a 96-byte rpm lead (formats.md §2.2); all informative except magic, major and signature type.</summary>
/// <param name="Major">Format major version (3 for rpm 4.x packages, 4 for v6).</param>
/// <param name="Minor">Format minor version.</param>
/// <param name="Type">0 binary, 1 source.</param>
/// <param name="ArchNum">rpmrc architecture number of the build host.</param>
/// <param name="Name">NEVR as written by the builder, e.g. <c>hello-lab-1:1.2.3-4</c>.</param>
/// <param name="OsNum">1 for Linux.</param>
/// <param name="SignatureType">Always 5 (header-style signature) in readable packages.</param>
public sealed record RpmLeadInfo(int Major, int Minor, int Type, int ArchNum, string Name, int OsNum, int SignatureType)
{
    /// <summary>True when the lead marks a source package.</summary>
    public bool IsSource => Type == RpmLead.TypeSource;
}
