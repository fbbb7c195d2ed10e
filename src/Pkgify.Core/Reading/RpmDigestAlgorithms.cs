using System.Security.Cryptography;

namespace Pkgify.Core.Reading;

/// <summary>
/// rpm's digest algorithm numbers, which are OpenPGP hash ids (RFC 4880 §9.4; `rpm: include/rpm/rpmpgp.h`):
/// FILEDIGESTALGO (absent means MD5, rpm's historical default) and PAYLOADDIGESTALGO.
/// </summary>
internal static class RpmDigestAlgorithms
{
    private static readonly Dictionary<long, (string Name, HashAlgorithmName Algorithm)> ById = new()
    {
        [1] = ("md5", HashAlgorithmName.MD5),
        [2] = ("sha1", HashAlgorithmName.SHA1),
        [8] = ("sha256", HashAlgorithmName.SHA256),
        [9] = ("sha384", HashAlgorithmName.SHA384),
        [10] = ("sha512", HashAlgorithmName.SHA512),
    };

    private const long Md5 = 1;

    /// <summary>The lowercase name of algorithm <paramref name="id"/> (null = MD5), or <c>unknown-N</c>.</summary>
    public static string NameOf(long? id) => ById.TryGetValue(id ?? Md5, out var a) ? a.Name : $"unknown-{id}";

    /// <summary>The hash for algorithm <paramref name="id"/> (null = MD5).</summary>
    /// <exception cref="InvalidDataException">An id rpm 4.18 does not define.</exception>
    public static HashAlgorithmName For(long? id) =>
        ById.TryGetValue(id ?? Md5, out var a) ? a.Algorithm : throw new InvalidDataException($"rpm header: unknown digest algorithm {id}");
}
