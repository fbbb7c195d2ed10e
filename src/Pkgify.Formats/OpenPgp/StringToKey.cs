using System.Security.Cryptography;
using System.Text;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// A string-to-key specifier (RFC 4880 §3.7): how a passphrase becomes the key that protects a secret key.
/// Also recognises GnuPG's extension 101 ("gnu-dummy", "divert-to-card"), which marks a key whose secret part
/// is not in the file at all.
/// </summary>
internal sealed class StringToKey
{
    private const int Simple = 0;
    private const int Salted = 1;
    private const int IteratedSalted = 3;
    private const int GnuExtension = 101;
    private const int SaltBytes = 8;

    // GnuPG's extension 101: hash octet, "GNU", then a mode octet (1 gnu-dummy, 2 divert-to-card + serial).
    private static readonly byte[] GnuMarker = "GNU"u8.ToArray();
    private const int GnuDivertToCard = 2;

    // RFC 4880 §3.7.1.3: count = (16 + (c & 15)) << ((c >> 4) + EXPBIAS).
    private const int CountBase = 16;
    private const int CountMantissaMask = 15;
    private const int CountExponentShift = 4;
    private const int CountExponentBias = 6;

    private const int IterationChunkBytes = 64 * 1024;

    private int _type;
    private int _hashAlgorithm;
    private byte[] _salt = [];
    private long _count;

    /// <summary>True for GnuPG's stub specifiers: the secret part lives elsewhere (offline or on a card).</summary>
    public bool IsStub { get; private init; }

    public static StringToKey Parse(ref OpenPgpCursor cursor)
    {
        int type = cursor.ReadByte();
        int hash = cursor.ReadByte();
        switch (type)
        {
            case Simple:
                return new StringToKey { _type = type, _hashAlgorithm = hash };
            case Salted:
                return new StringToKey { _type = type, _hashAlgorithm = hash, _salt = cursor.ReadBytes(SaltBytes).ToArray() };
            case IteratedSalted:
                var salt = cursor.ReadBytes(SaltBytes).ToArray();
                int coded = cursor.ReadByte();
                var count = (long)(CountBase + (coded & CountMantissaMask)) << ((coded >> CountExponentShift) + CountExponentBias);
                return new StringToKey { _type = type, _hashAlgorithm = hash, _salt = salt, _count = count };
            case GnuExtension:
                if (!cursor.ReadBytes(GnuMarker.Length).SequenceEqual(GnuMarker))
                {
                    throw new InvalidDataException("unknown S2K extension 101 (not GnuPG's)");
                }

                if (cursor.ReadByte() == GnuDivertToCard)
                {
                    cursor.ReadBytes(cursor.ReadByte()); // card serial number
                }

                return new StringToKey { _type = type, IsStub = true };
            default:
                throw new InvalidDataException($"unsupported S2K type {type}");
        }
    }

    /// <summary>Derives <paramref name="keyBytes"/> bytes of cipher key from <paramref name="passphrase"/> (UTF-8, as gpg reads it).</summary>
    public byte[] DeriveKey(string passphrase, int keyBytes)
    {
        if (IsStub)
        {
            throw new InvalidOperationException("a GnuPG stub has no key to derive");
        }

        var name = HashAlgorithms.BclName(_hashAlgorithm)
                   ?? throw new InvalidDataException($"S2K uses unsupported hash algorithm {_hashAlgorithm}");
        var material = _salt.Concat(Encoding.UTF8.GetBytes(passphrase)).ToArray();
        try
        {
            // RFC 4880 §3.7.1.1: when one digest is too short, further hash contexts are preloaded with 1, 2, ...
            // zero octets and their outputs appended.
            var key = new byte[keyBytes];
            for (int filled = 0, preload = 0; filled < keyBytes; preload++)
            {
                using var hash = IncrementalHash.CreateHash(name);
                hash.AppendData(new byte[preload]);
                Feed(hash, material);
                var digest = hash.GetHashAndReset();
                var take = Math.Min(digest.Length, keyBytes - filled);
                digest.AsSpan(0, take).CopyTo(key.AsSpan(filled));
                filled += take;
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private void Feed(IncrementalHash hash, byte[] material)
    {
        if (_type != IteratedSalted || material.Length == 0)
        {
            hash.AppendData(material);
            return;
        }

        // RFC 4880 §3.7.1.3: salt+passphrase repeated until `count` octets, but always at least once whole.
        var remaining = Math.Max(_count, material.Length);
        var repeats = Math.Max(1, IterationChunkBytes / material.Length);
        var chunk = new byte[repeats * material.Length];
        for (var i = 0; i < repeats; i++)
        {
            material.CopyTo(chunk, i * material.Length);
        }

        while (remaining > 0)
        {
            var take = (int)Math.Min(remaining, chunk.Length);
            hash.AppendData(chunk, 0, take);
            remaining -= take;
        }

        CryptographicOperations.ZeroMemory(chunk);
    }
}
