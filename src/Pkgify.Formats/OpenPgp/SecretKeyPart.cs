using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// The secret half of a v4 secret key packet (RFC 4880 §5.5.3): how it is protected and the (possibly
/// encrypted) secret MPIs. <see cref="Unlock"/> turns it into the plain MPI bytes.
/// </summary>
internal sealed class SecretKeyPart
{
    public enum Outcome
    {
        Unlocked,
        NeedsPassphrase,
        WrongPassphrase,
        Damaged,
    }

    // S2K usage octet values (RFC 4880 §5.5.3, RFC 9580 §3.7.2.1).
    private const int Unprotected = 0;
    private const int AeadProtected = 253;
    private const int Sha1Checked = 254;
    private const int ChecksumChecked = 255;

    private const int Sha1Bytes = 20;
    private const int ChecksumBytes = 2;

    private int _usage;
    private SymmetricAlgorithms.Cipher? _cipher;
    private StringToKey? _s2k;
    private byte[] _iv = [];
    private byte[] _data = [];

    /// <summary>False for a GnuPG stub: the secret is not in this file.</summary>
    public bool HasSecret => _s2k is not { IsStub: true };

    public bool IsProtected => _usage != Unprotected;

    public static SecretKeyPart Parse(ReadOnlySpan<byte> afterPublic)
    {
        var cursor = new OpenPgpCursor(afterPublic, "secret key packet");
        int usage = cursor.ReadByte();
        if (usage == Unprotected)
        {
            return new SecretKeyPart { _usage = usage, _data = cursor.ReadRest().ToArray() };
        }

        if (usage == AeadProtected)
        {
            throw new InvalidDataException("secret key uses AEAD protection, which is not supported");
        }

        if (usage is not (Sha1Checked or ChecksumChecked))
        {
            throw new InvalidDataException("secret key uses the legacy (pre-S2K) protection, which is not supported");
        }

        int algorithm = cursor.ReadByte();
        var s2k = StringToKey.Parse(ref cursor);
        if (s2k.IsStub)
        {
            return new SecretKeyPart { _usage = usage, _s2k = s2k };
        }

        var cipher = SymmetricAlgorithms.Find(algorithm)
                     ?? throw new InvalidDataException($"secret key is protected with unsupported cipher {algorithm}");
        var blockBytes = cipher.CreateEngine().GetBlockSize();
        return new SecretKeyPart
        {
            _usage = usage,
            _cipher = cipher,
            _s2k = s2k,
            _iv = cursor.ReadBytes(blockBytes).ToArray(),
            _data = cursor.ReadRest().ToArray(),
        };
    }

    /// <summary>Decrypts (if needed) and checks the secret MPIs; <paramref name="secretMpis"/> is set when unlocked.</summary>
    public Outcome Unlock(string? passphrase, out byte[] secretMpis)
    {
        secretMpis = [];
        if (!HasSecret)
        {
            throw new InvalidOperationException("a stub key has no secret part");
        }

        if (!IsProtected)
        {
            return Check(_data, sha1: false, out secretMpis) ? Outcome.Unlocked : Outcome.Damaged;
        }

        if (passphrase is null)
        {
            return Outcome.NeedsPassphrase;
        }

        var plain = Decrypt(passphrase);
        try
        {
            return Check(plain, _usage == Sha1Checked, out secretMpis) ? Outcome.Unlocked : Outcome.WrongPassphrase;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private byte[] Decrypt(string passphrase)
    {
        var key = _s2k!.DeriveKey(passphrase, _cipher!.KeyBytes);
        try
        {
            // RFC 4880 §5.5.3: v4 keys encrypt the whole MPI block and its check value with CFB, IV from the packet.
            var engine = _cipher.CreateEngine();
            var cfb = new BufferedBlockCipher(new CfbBlockCipher(engine, engine.GetBlockSize() * 8));
            cfb.Init(false, new ParametersWithIV(new KeyParameter(key), _iv));
            return cfb.DoFinal(_data);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static bool Check(byte[] plain, bool sha1, out byte[] secretMpis)
    {
        secretMpis = [];
        var checkBytes = sha1 ? Sha1Bytes : ChecksumBytes;
        if (plain.Length < checkBytes)
        {
            return false;
        }

        var content = plain.AsSpan(0, plain.Length - checkBytes);
        var check = plain.AsSpan(plain.Length - checkBytes);
        var ok = sha1
            ? CryptographicOperations.FixedTimeEquals(SHA1.HashData(content), check)
            : Sum16(content) == BinaryPrimitives.ReadUInt16BigEndian(check);
        if (ok)
        {
            secretMpis = content.ToArray();
        }

        return ok;
    }

    private static ushort Sum16(ReadOnlySpan<byte> data)
    {
        // RFC 4880 §5.5.3: the sum of all octets, mod 65536.
        var sum = 0;
        foreach (var b in data)
        {
            sum += b;
        }

        return (ushort)sum;
    }
}
