namespace Pkgify.Formats.Rpm;

/// <summary>The metadata part of an opened .rpm; the payload starts at <see cref="PayloadOffset"/>.</summary>
/// <param name="Lead">The 96-byte lead.</param>
/// <param name="Signature">The signature header (region 62).</param>
/// <param name="Header">The main header (region 63).</param>
/// <param name="PayloadOffset">Offset of the compressed payload from the start of the package.</param>
public sealed record RpmPackage(RpmLeadInfo Lead, RpmHeader Signature, RpmHeader Header, long PayloadOffset);
