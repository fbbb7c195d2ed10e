namespace Pkgify.Formats.Rpm;

/// <summary>Data types of rpm header entries (`rpm: include/rpm/rpmtag.h` rpmTagType_e; formats.md §2.3).</summary>
public enum RpmTagType
{
    /// <summary>Not a valid stored type.</summary>
    Null = 0,
    /// <summary>Bytes; count = number of bytes.</summary>
    Char = 1,
    /// <summary>8-bit integers.</summary>
    Int8 = 2,
    /// <summary>16-bit big-endian integers, 2-byte aligned.</summary>
    Int16 = 3,
    /// <summary>32-bit big-endian integers, 4-byte aligned.</summary>
    Int32 = 4,
    /// <summary>64-bit big-endian integers, 8-byte aligned.</summary>
    Int64 = 5,
    /// <summary>One NUL-terminated string; count must be 1.</summary>
    String = 6,
    /// <summary>Opaque bytes; count = byte length.</summary>
    Bin = 7,
    /// <summary>Consecutive NUL-terminated strings; count = number of strings.</summary>
    StringArray = 8,
    /// <summary>Like <see cref="StringArray"/>, one string per locale of HEADERI18NTABLE.</summary>
    I18NString = 9,
}
