using Pkgify.Core.Errors;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Signing;

/// <summary>
/// The time written into signatures and repository dates. It never comes from the clock (same inputs, same
/// bytes): SOURCE_DATE_EPOCH when given, else a time taken from the inputs (a package's build time, the newest
/// package file).
/// </summary>
public static class SignatureTime
{
    /// <summary>
    /// <paramref name="sourceDateEpoch"/> when given (it must not predate the key: gpgv and rpm reject a
    /// signature older than its key), else <paramref name="fromInputs"/> raised to the key's creation time so the
    /// signature is valid. Without a key the result is simply the chosen time.
    /// </summary>
    public static long Resolve(long? sourceDateEpoch, long fromInputs, OpenPgpSecretKey? key)
    {
        if (sourceDateEpoch is { } given)
        {
            if (key is not null && given < key.CreationTime)
            {
                throw new UsageException(
                    $"SOURCE_DATE_EPOCH {given} is before signing key {key.Fingerprint} was created ({key.CreationTime}): "
                    + "a signature cannot be older than its key; give a later --source-date-epoch");
            }

            return CheckExpiry(given, key);
        }

        var time = Math.Max(fromInputs, 0);
        return key is null ? time : CheckExpiry(Math.Max(time, key.CreationTime), key);
    }

    private static long CheckExpiry(long time, OpenPgpSecretKey? key) =>
        key?.ExpirationTime is { } expiry && time >= expiry
            ? throw new UsageException($"signing key {key.Fingerprint} expired at {expiry}, before the signature time {time}: use a valid key")
            : time;
}
