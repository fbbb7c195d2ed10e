using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Reading;

/// <summary>Dependency triplets rendered as <c>rpm -q --requires</c> prints them: <c>name [op version]</c>.</summary>
internal static class RpmDependencyText
{
    private const int SenseMask = RpmSenseFlags.Less | RpmSenseFlags.Greater | RpmSenseFlags.Equal;

    /// <summary>Each entry of the NAME/FLAGS/VERSION triplet; damaged (unequal) arrays are reported.</summary>
    public static IReadOnlyList<string> Render(RpmHeader header, int nameTag, int flagsTag, int versionTag)
    {
        var names = header.GetStringArray(nameTag);
        var flags = header.GetIntegers(flagsTag);
        var versions = header.GetStringArray(versionTag);
        if (flags.Count != names.Count && flags.Count != 0 || versions.Count != names.Count && versions.Count != 0)
            throw new InvalidDataException($"rpm header: dependency tags {nameTag}/{flagsTag}/{versionTag} have {names.Count}/{flags.Count}/{versions.Count} entries");
        var result = new string[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            string version = versions.Count == 0 ? "" : versions[i];
            string op = Operator(flags.Count == 0 ? 0 : (int)flags[i]);
            result[i] = version.Length == 0 || op.Length == 0 ? names[i] : $"{names[i]} {op} {version}";
        }
        return result;
    }

    private static string Operator(int flags) => (flags & SenseMask) switch
    {
        RpmSenseFlags.Less => "<",
        RpmSenseFlags.LessOrEqual => "<=",
        RpmSenseFlags.Equal => "=",
        RpmSenseFlags.GreaterOrEqual => ">=",
        RpmSenseFlags.Greater => ">",
        _ => "",
    };
}
