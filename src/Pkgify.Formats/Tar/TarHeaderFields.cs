namespace Pkgify.Formats.Tar;

/// <summary>
/// The fields of one header block as stored: what the encoder writes and the decoder reads, before GNU long
/// names and PAX records are applied. Names longer than their fields are cut by the encoder.
/// </summary>
internal readonly record struct TarHeaderFields(
    string Name,
    string LinkName,
    byte TypeFlag,
    int Mode,
    long Uid,
    long Gid,
    long Size,
    long MTime,
    string UserName,
    string GroupName);
