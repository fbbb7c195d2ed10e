namespace Pkgify.Formats.Rpm;

/// <summary>
/// The types rpm expects for known main-header tags (`rpm: include/rpm/rpmtag.h` comments; formats.md §2.13).
/// rpm refuses a known tag stored with another type, except that the string types may stand in for each other
/// (`hdrchkTagType`; formats.md §2.3 rule 4). Unknown tags are allowed for forward compatibility.
/// </summary>
internal static class RpmMainTagTypes
{
    private static readonly Dictionary<int, RpmTagType> Expected = Build();

    /// <summary>True when <paramref name="type"/> is acceptable for <paramref name="tag"/> in a main header.</summary>
    public static bool Accepts(int tag, RpmTagType type)
    {
        if (!Expected.TryGetValue(tag, out var expected) || expected == type)
            return true;
        return RpmHeaderFormat.IsStringType(expected) && RpmHeaderFormat.IsStringType(type);
    }

    private static Dictionary<int, RpmTagType> Build()
    {
        var types = new Dictionary<int, RpmTagType>();
        void Set(RpmTagType type, params int[] tags)
        {
            foreach (int tag in tags)
                types.Add(tag, type);
        }

        Set(RpmTagType.String, RpmTags.Name, RpmTags.Version, RpmTags.Release, RpmTags.BuildHost,
            RpmTags.Distribution, RpmTags.Vendor, RpmTags.License, RpmTags.Packager, RpmTags.Url, RpmTags.Os,
            RpmTags.Arch, RpmTags.PreIn, RpmTags.PostIn, RpmTags.PreUn, RpmTags.PostUn, RpmTags.SourceRpm,
            RpmTags.RpmVersion, RpmTags.OptFlags, RpmTags.PayloadFormat, RpmTags.PayloadCompressor,
            RpmTags.PayloadFlags, RpmTags.Platform, RpmTags.PreTrans, RpmTags.PostTrans, RpmTags.Encoding,
            RpmTags.SourceNevr);
        Set(RpmTagType.I18NString, RpmTags.Summary, RpmTags.Description, RpmTags.Group);
        Set(RpmTagType.StringArray, RpmTags.HeaderI18NTable, RpmTags.OldFileNames, RpmTags.FileDigests,
            RpmTags.FileLinkTos, RpmTags.FileUserName, RpmTags.FileGroupName, RpmTags.ProvideName,
            RpmTags.RequireName, RpmTags.RequireVersion, RpmTags.ConflictName, RpmTags.ConflictVersion,
            RpmTags.ChangelogName, RpmTags.ChangelogText, RpmTags.PreInProg, RpmTags.PostInProg,
            RpmTags.PreUnProg, RpmTags.PostUnProg, RpmTags.ObsoleteName, RpmTags.FileLangs,
            RpmTags.ProvideVersion, RpmTags.ObsoleteVersion, RpmTags.BaseNames, RpmTags.DirNames,
            RpmTags.ClassDict, RpmTags.PreTransProg, RpmTags.PostTransProg, RpmTags.RecommendName,
            RpmTags.RecommendVersion, RpmTags.SuggestName, RpmTags.SuggestVersion, RpmTags.SupplementName,
            RpmTags.SupplementVersion, RpmTags.EnhanceName, RpmTags.EnhanceVersion, RpmTags.PayloadDigest,
            RpmTags.PayloadDigestAlt);
        Set(RpmTagType.Int16, RpmTags.FileModes, RpmTags.FileRdevs);
        Set(RpmTagType.Int32, RpmTags.Epoch, RpmTags.BuildTime, RpmTags.Size, RpmTags.FileSizes,
            RpmTags.FileMTimes, RpmTags.FileFlags, RpmTags.FileVerifyFlags, RpmTags.ArchiveSize,
            RpmTags.RequireFlags, RpmTags.ConflictFlags, RpmTags.ChangelogTime, RpmTags.FileDevices,
            RpmTags.FileInodes, RpmTags.ProvideFlags, RpmTags.ObsoleteFlags, RpmTags.DirIndexes,
            RpmTags.FileColors, RpmTags.FileClass, RpmTags.FileDependsX, RpmTags.FileDependsN,
            RpmTags.DependsDict, RpmTags.FileDigestAlgo, RpmTags.PreInFlags, RpmTags.PostInFlags,
            RpmTags.PreUnFlags, RpmTags.PostUnFlags, RpmTags.PreTransFlags, RpmTags.PostTransFlags,
            RpmTags.RecommendFlags, RpmTags.SuggestFlags, RpmTags.SupplementFlags, RpmTags.EnhanceFlags,
            RpmTags.PayloadDigestAlgo, RpmTags.RpmFormat);
        Set(RpmTagType.Int64, RpmTags.LongFileSizes, RpmTags.LongSize, RpmTags.PayloadSize,
            RpmTags.PayloadSizeAlt);
        return types;
    }
}
