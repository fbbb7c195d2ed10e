using System.Security.Cryptography;

namespace Pkgify.Formats.OpenPgp;

/// <summary>OpenPGP hash algorithm ids (RFC 4880 §9.4) and their .NET implementations.</summary>
internal static class HashAlgorithms
{
    public const int Md5 = 1;
    public const int Sha1 = 2;
    public const int Sha256 = 8;
    public const int Sha384 = 9;
    public const int Sha512 = 10;

    /// <summary>Digests trusted for verifying signatures: the SHA-2 family (apt 2.6 and RHEL 9 distrust MD5/SHA-1).</summary>
    public static bool IsAcceptedForSignatures(int id) => id is Sha256 or Sha384 or Sha512;

    /// <summary>The .NET name of <paramref name="id"/>, or null when .NET has no such digest.</summary>
    public static HashAlgorithmName? BclName(int id) => id switch
    {
        Md5 => HashAlgorithmName.MD5,
        Sha1 => HashAlgorithmName.SHA1,
        Sha256 => HashAlgorithmName.SHA256,
        Sha384 => HashAlgorithmName.SHA384,
        Sha512 => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>The name used in the cleartext "Hash:" armor header (RFC 4880 §9.4 text names).</summary>
    public static string TextName(int id) => id switch
    {
        Md5 => "MD5",
        Sha1 => "SHA1",
        Sha256 => "SHA256",
        Sha384 => "SHA384",
        Sha512 => "SHA512",
        _ => $"hash algorithm {id}",
    };

    /// <summary>A fresh hash for <paramref name="id"/>; unknown ids are <see cref="InvalidDataException"/> naming <paramref name="what"/>.</summary>
    public static IncrementalHash Create(int id, string what) =>
        BclName(id) is { } name
            ? IncrementalHash.CreateHash(name)
            : throw new InvalidDataException($"{what} uses unsupported hash algorithm {id}");
}
