namespace Pkgify.Formats.Rpm;

/// <summary>FILEFLAGS (1037) bits (`rpm: include/rpm/rpmfiles.h` rpmfileAttrs_e; formats.md §2.7).</summary>
public static class RpmFileFlags
{
    /// <summary>No attribute.</summary>
    public const int None = 0;
    /// <summary><c>%config</c></summary>
    public const int Config = 1;
    /// <summary><c>%doc</c></summary>
    public const int Doc = 2;
    /// <summary>Icon (obsolete).</summary>
    public const int Icon = 4;
    /// <summary><c>%config(missingok)</c></summary>
    public const int MissingOk = 8;
    /// <summary><c>%config(noreplace)</c>; <c>%config(noreplace)</c> as a whole is Config | NoReplace = 17.</summary>
    public const int NoReplace = 16;
    /// <summary>The spec file of a source package.</summary>
    public const int SpecFile = 32;
    /// <summary><c>%ghost</c>: in the header, not in the payload.</summary>
    public const int Ghost = 64;
    /// <summary><c>%license</c></summary>
    public const int License = 128;
    /// <summary><c>%readme</c></summary>
    public const int Readme = 256;
    /// <summary><c>%pubkey</c></summary>
    public const int PubKey = 2048;
    /// <summary><c>%artifact</c></summary>
    public const int Artifact = 4096;
}
