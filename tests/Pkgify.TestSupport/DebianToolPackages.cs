namespace Pkgify.TestSupport;

/// <summary>
/// Which Debian package ships each tool the tests call, so that a missing tool
/// fails with the exact line to add to build/test-deps.txt.
/// </summary>
public static class DebianToolPackages
{
    static readonly Dictionary<string, string> PackageByTool = new(StringComparer.Ordinal)
    {
        ["apt-cache"] = "apt",
        ["apt-get"] = "apt",
        ["ar"] = "binutils",
        ["as"] = "binutils",
        ["bsdtar"] = "libarchive-tools",
        ["chroot"] = "coreutils",
        ["cpio"] = "cpio",
        ["createrepo_c"] = "createrepo-c",
        ["debootstrap"] = "debootstrap",
        ["dnf"] = "dnf",
        ["dpkg"] = "dpkg",
        ["dpkg-deb"] = "dpkg",
        ["dpkg-scanpackages"] = "dpkg-dev",
        ["dpkg-shlibdeps"] = "dpkg-dev",
        ["elfdeps"] = "rpm",
        ["fakeroot"] = "fakeroot",
        ["gcc"] = "gcc",
        ["gpg"] = "gnupg",
        ["gpgconf"] = "gpgconf",
        ["gpgv"] = "gpgv",
        ["gzip"] = "gzip",
        ["ld"] = "binutils",
        ["lintian"] = "lintian",
        ["mount"] = "mount",
        ["objdump"] = "binutils",
        ["pigz"] = "pigz",
        ["python3.11"] = "python3.11",
        ["readelf"] = "binutils",
        ["rpm"] = "rpm",
        ["rpm2archive"] = "rpm2cpio",
        ["rpm2cpio"] = "rpm2cpio",
        ["rpmbuild"] = "rpm",
        ["rpmkeys"] = "rpm",
        ["rpmlint"] = "rpmlint",
        ["rpmsign"] = "rpm",
        ["s390x-linux-gnu-as"] = "binutils-s390x-linux-gnu",
        ["s390x-linux-gnu-ld"] = "binutils-s390x-linux-gnu",
        ["systemd-analyze"] = "systemd",
        ["tar"] = "tar",
        ["umount"] = "mount",
        ["unxz"] = "xz-utils",
        ["unzstd"] = "zstd",
        ["xz"] = "xz-utils",
        ["zstd"] = "zstd",
    };

    /// <summary>The Debian package that ships <paramref name="tool"/>, or null when unknown.</summary>
    public static string? For(string tool) =>
        PackageByTool.TryGetValue(System.IO.Path.GetFileName(tool), out var package) ? package : null;
}
