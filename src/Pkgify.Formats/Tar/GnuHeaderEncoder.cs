using System.Text;
using L = Pkgify.Formats.Tar.TarHeaderLayout;

namespace Pkgify.Formats.Tar;

/// <summary>
/// Builds the header blocks of one entry exactly as GNU tar 1.34 <c>--format=gnu</c> does (checked byte for
/// byte against it in the tests): an optional <c>././@LongLink</c> 'K' entry for a link name over 100 bytes, then
/// an optional 'L' entry for a name over 100 bytes (GNU tar writes K before L), then the entry's own header.
/// </summary>
internal static class GnuHeaderEncoder
{
    /// <summary>Mode GNU tar gives its ././@LongLink pseudo entries (uid/gid 0, root/root, mtime 0).</summary>
    private const int LongLinkMode = 0b110_100_100; // 0644
    private const string LongLinkOwner = "root";
    private const int MaxMode = 0xFFF; // 07777: permission, setuid/setgid and sticky bits

    /// <summary>Validates <paramref name="header"/> and returns all its header blocks (a multiple of 512 bytes).</summary>
    public static byte[] Encode(TarEntryHeader header)
    {
        Validate(header);
        var normalizedName = NormalizedName(header);
        var name = Encoding.UTF8.GetBytes(normalizedName);
        var link = Encoding.UTF8.GetBytes(header.LinkName);

        using var blocks = new MemoryStream();
        if (link.Length > L.LinkNameLength)
        {
            WriteLongLink(blocks, TarTypeFlag.GnuLongLink, link);
        }

        if (name.Length > L.NameLength)
        {
            WriteLongLink(blocks, TarTypeFlag.GnuLongName, name);
        }

        Span<byte> block = stackalloc byte[L.BlockSize];
        EncodeBlock(block, new TarHeaderFields(normalizedName, header.LinkName, TarTypeFlag.ForType(header.Type),
            header.Mode, header.Uid, header.Gid, header.Size, header.MTime, header.UserName, header.GroupName));
        blocks.Write(block);
        return blocks.ToArray();
    }

    /// <summary>Directory names end with '/' in tar archives (GNU tar and dpkg-deb both write them so).</summary>
    public static string NormalizedName(TarEntryHeader header) =>
        header.Type == TarEntryType.Directory && !header.Name.EndsWith('/') ? header.Name + "/" : header.Name;

    private static void WriteLongLink(Stream blocks, byte typeFlag, byte[] fullName)
    {
        // The content is the full name plus its terminating NUL, padded to a block.
        var contentSize = fullName.Length + 1;
        Span<byte> block = stackalloc byte[L.BlockSize];
        EncodeBlock(block, new TarHeaderFields(L.GnuLongLinkName, "", typeFlag, LongLinkMode,
            0, 0, contentSize, 0, LongLinkOwner, LongLinkOwner));
        blocks.Write(block);
        blocks.Write(fullName);
        blocks.Write(new byte[1 + L.PaddingFor(contentSize)]);
    }

    private static void EncodeBlock(Span<byte> block, in TarHeaderFields f)
    {
        block.Clear();

        // Names longer than the field are cut at 100 bytes, as GNU tar does; the full name is in the 'L'/'K' entry.
        CopyTruncated(Encoding.UTF8.GetBytes(f.Name), block.Slice(L.NameOffset, L.NameLength));
        TarNumericField.WriteOctal(block.Slice(L.ModeOffset, L.ModeLength), f.Mode);
        TarNumericField.Write(block.Slice(L.UidOffset, L.UidLength), f.Uid);
        TarNumericField.Write(block.Slice(L.GidOffset, L.GidLength), f.Gid);
        TarNumericField.Write(block.Slice(L.SizeOffset, L.SizeLength), f.Size);
        TarNumericField.Write(block.Slice(L.MTimeOffset, L.MTimeLength), f.MTime);
        block[L.TypeFlagOffset] = f.TypeFlag;
        CopyTruncated(Encoding.UTF8.GetBytes(f.LinkName), block.Slice(L.LinkNameOffset, L.LinkNameLength));
        L.GnuMagicAndVersion.CopyTo(block[L.MagicOffset..]);
        Encoding.UTF8.GetBytes(f.UserName, block.Slice(L.UserNameOffset, L.UserNameLength));
        Encoding.UTF8.GetBytes(f.GroupName, block.Slice(L.GroupNameOffset, L.GroupNameLength));
        if (f.TypeFlag is TarTypeFlag.CharDevice or TarTypeFlag.BlockDevice)
        {
            // Our headers carry no device numbers; GNU tar fills these fields only for devices.
            TarNumericField.WriteOctal(block.Slice(L.DevMajorOffset, L.DevMajorLength), 0);
            TarNumericField.WriteOctal(block.Slice(L.DevMinorOffset, L.DevMinorLength), 0);
        }

        TarChecksum.Store(block);
    }

    private static void CopyTruncated(ReadOnlySpan<byte> source, Span<byte> field) =>
        source[..Math.Min(source.Length, field.Length)].CopyTo(field);

    private static void Validate(TarEntryHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (string.IsNullOrEmpty(header.Name) || header.Name.Contains('\0'))
        {
            throw new ArgumentException($"tar entry name must be non-empty and contain no NUL: '{header.Name}'", nameof(header));
        }

        // Readers take a trailing '/' on any entry as a directory (old tars marked directories only so).
        if (header.Type != TarEntryType.Directory && header.Name.EndsWith('/'))
        {
            throw new ArgumentException($"tar entry '{header.Name}': only directory names may end with '/'", nameof(header));
        }

        if (header.Mode is < 0 or > MaxMode)
        {
            throw new ArgumentException($"tar entry '{header.Name}': mode {Convert.ToString(header.Mode, 8)} (octal) is outside 0..07777", nameof(header));
        }

        if (header.Size < 0 || (header.Type != TarEntryType.Regular && header.Size != 0))
        {
            throw new ArgumentException($"tar entry '{header.Name}': size {header.Size} is invalid for a {header.Type}", nameof(header));
        }

        if (header.Uid < 0 || header.Gid < 0)
        {
            throw new ArgumentException($"tar entry '{header.Name}': uid and gid must not be negative", nameof(header));
        }

        ValidateOwnerName(header, header.UserName);
        ValidateOwnerName(header, header.GroupName);
        ValidateLinkName(header);
    }

    private static void ValidateOwnerName(TarEntryHeader header, string ownerName)
    {
        // 32-byte fields that <tar.h> says are NUL-terminated: 31 bytes of name at most.
        if (ownerName is null || ownerName.Contains('\0') || Encoding.UTF8.GetByteCount(ownerName) >= L.UserNameLength)
        {
            throw new ArgumentException($"tar entry '{header.Name}': owner name '{ownerName}' must be at most 31 UTF-8 bytes without NUL", nameof(header));
        }
    }

    private static void ValidateLinkName(TarEntryHeader header)
    {
        var isLink = header.Type is TarEntryType.Symlink or TarEntryType.Hardlink;
        if (header.LinkName is null || header.LinkName.Contains('\0') || isLink == (header.LinkName.Length == 0))
        {
            throw new ArgumentException($"tar entry '{header.Name}': a {header.Type} needs {(isLink ? "a" : "no")} link name without NUL", nameof(header));
        }
    }
}
