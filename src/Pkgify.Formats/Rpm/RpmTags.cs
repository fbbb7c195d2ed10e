namespace Pkgify.Formats.Rpm;

/// <summary>
/// Tag numbers of the signature header (<c>Sig*</c>, `rpm: include/rpm/rpmtag.h` rpmSigTag_e) and of the main
/// header (rpmTag_e), as listed in formats.md §2.4 and §2.13. The stored type is given in each comment.
/// Signature-header numbers ≥ 1000 collide with main-header tags (1000 = SIZE there, NAME here), hence the
/// <c>Sig</c> prefix.
/// </summary>
public static class RpmTags
{
    // ---- region tags -------------------------------------------------------------------------------------
    /// <summary>Region tag of old signature headers' trailers (accepted as 62 when reading).</summary>
    public const int HeaderImage = 61;
    /// <summary>62, BIN(16): region entry of the signature header.</summary>
    public const int HeaderSignatures = 62;
    /// <summary>63, BIN(16): region entry of the main header.</summary>
    public const int HeaderImmutable = 63;
    /// <summary>100, STRING_ARRAY: locales of I18NSTRING values (<c>["C"]</c>). Lowest ordinary tag.</summary>
    public const int HeaderI18NTable = 100;

    // ---- signature header (rpmSigTag_e) ------------------------------------------------------------------
    /// <summary>267, BIN: OpenPGP header signature (DSA, ECDSA, EdDSA).</summary>
    public const int SigDsa = 267;
    /// <summary>268, BIN: OpenPGP header signature (RSA).</summary>
    public const int SigRsa = 268;
    /// <summary>269, STRING: hex SHA-1 of the main header.</summary>
    public const int SigSha1 = 269;
    /// <summary>270, INT64: main header + compressed payload size (≥ 4 GiB packages).</summary>
    public const int SigLongSize = 270;
    /// <summary>271, INT64: uncompressed payload size (≥ 4 GiB).</summary>
    public const int SigLongArchiveSize = 271;
    /// <summary>273, STRING: hex SHA-256 of the main header (format_v4.md wrongly says 272).</summary>
    public const int SigSha256 = 273;
    /// <summary>274, STRING_ARRAY: IMA file signatures.</summary>
    public const int SigFileSignatures = 274;
    /// <summary>275, INT32: IMA file signature length.</summary>
    public const int SigFileSignatureLength = 275;
    /// <summary>276, STRING_ARRAY: fs-verity signatures.</summary>
    public const int SigVeritySignatures = 276;
    /// <summary>277, INT32: fs-verity signature algorithm.</summary>
    public const int SigVeritySignatureAlgo = 277;
    /// <summary>278, STRING_ARRAY: base64 OpenPGP signatures (v6).</summary>
    public const int SigOpenPgp = 278;
    /// <summary>279, STRING: hex SHA3-256 of the main header (v6).</summary>
    public const int SigSha3_256 = 279;
    /// <summary>999, BIN: reserved space, always last (v6).</summary>
    public const int SigReserved = 999;
    /// <summary>1000, INT32: main header + compressed payload size.</summary>
    public const int SigSize = 1000;
    /// <summary>1002, BIN: v3 signature over header + payload (RSA).</summary>
    public const int SigPgp = 1002;
    /// <summary>1004, BIN(16): MD5 of main header + compressed payload.</summary>
    public const int SigMd5 = 1004;
    /// <summary>1005, BIN: v3 signature over header + payload (DSA).</summary>
    public const int SigGpg = 1005;
    /// <summary>1007, INT32: uncompressed payload (cpio) size.</summary>
    public const int SigPayloadSize = 1007;
    /// <summary>1008, BIN: zeros reserved for a later signature.</summary>
    public const int SigReservedSpace = 1008;

    // ---- signature tags as merged into the main header (RPMTAG_SIG_BASE + n); never stored there ----------
    /// <summary>257: SigSize once merged into the main header at load time.</summary>
    public const int MergedSigSize = 257;
    /// <summary>261: SigMd5 once merged into the main header at load time.</summary>
    public const int MergedSigMd5 = 261;

    // ---- main header (rpmTag_e) ----------------------------------------------------------------------------
    /// <summary>1000, STRING.</summary>
    public const int Name = 1000;
    /// <summary>1001, STRING.</summary>
    public const int Version = 1001;
    /// <summary>1002, STRING.</summary>
    public const int Release = 1002;
    /// <summary>1003, INT32 (only when non-zero).</summary>
    public const int Epoch = 1003;
    /// <summary>1004, I18NSTRING.</summary>
    public const int Summary = 1004;
    /// <summary>1005, I18NSTRING.</summary>
    public const int Description = 1005;
    /// <summary>1006, INT32.</summary>
    public const int BuildTime = 1006;
    /// <summary>1007, STRING.</summary>
    public const int BuildHost = 1007;
    /// <summary>1009, INT32: installed size.</summary>
    public const int Size = 1009;
    /// <summary>1010, STRING.</summary>
    public const int Distribution = 1010;
    /// <summary>1011, STRING.</summary>
    public const int Vendor = 1011;
    /// <summary>1014, STRING.</summary>
    public const int License = 1014;
    /// <summary>1015, STRING.</summary>
    public const int Packager = 1015;
    /// <summary>1016, I18NSTRING.</summary>
    public const int Group = 1016;
    /// <summary>1020, STRING.</summary>
    public const int Url = 1020;
    /// <summary>1021, STRING (<c>linux</c>).</summary>
    public const int Os = 1021;
    /// <summary>1022, STRING.</summary>
    public const int Arch = 1022;
    /// <summary>1023, STRING: %pre body.</summary>
    public const int PreIn = 1023;
    /// <summary>1024, STRING: %post body.</summary>
    public const int PostIn = 1024;
    /// <summary>1025, STRING: %preun body.</summary>
    public const int PreUn = 1025;
    /// <summary>1026, STRING: %postun body.</summary>
    public const int PostUn = 1026;
    /// <summary>1027, STRING_ARRAY: uncompressed file names (obsolete, pre-CompressedFileNames packages).</summary>
    public const int OldFileNames = 1027;
    /// <summary>1028, INT32[].</summary>
    public const int FileSizes = 1028;
    /// <summary>1030, INT16[]: full st_mode.</summary>
    public const int FileModes = 1030;
    /// <summary>1033, INT16[].</summary>
    public const int FileRdevs = 1033;
    /// <summary>1034, INT32[].</summary>
    public const int FileMTimes = 1034;
    /// <summary>1035, STRING_ARRAY: hex digests, "" for non-regular files.</summary>
    public const int FileDigests = 1035;
    /// <summary>1036, STRING_ARRAY: symlink targets, "" otherwise.</summary>
    public const int FileLinkTos = 1036;
    /// <summary>1037, INT32[]: <see cref="RpmFileFlags"/>.</summary>
    public const int FileFlags = 1037;
    /// <summary>1039, STRING_ARRAY.</summary>
    public const int FileUserName = 1039;
    /// <summary>1040, STRING_ARRAY.</summary>
    public const int FileGroupName = 1040;
    /// <summary>1044, STRING.</summary>
    public const int SourceRpm = 1044;
    /// <summary>1045, INT32[].</summary>
    public const int FileVerifyFlags = 1045;
    /// <summary>1046, INT32: uncompressed payload size (legacy main-header copy).</summary>
    public const int ArchiveSize = 1046;
    /// <summary>1047, STRING_ARRAY.</summary>
    public const int ProvideName = 1047;
    /// <summary>1048, INT32[]: <see cref="RpmSenseFlags"/>.</summary>
    public const int RequireFlags = 1048;
    /// <summary>1049, STRING_ARRAY.</summary>
    public const int RequireName = 1049;
    /// <summary>1050, STRING_ARRAY.</summary>
    public const int RequireVersion = 1050;
    /// <summary>1053, INT32[].</summary>
    public const int ConflictFlags = 1053;
    /// <summary>1054, STRING_ARRAY.</summary>
    public const int ConflictName = 1054;
    /// <summary>1055, STRING_ARRAY.</summary>
    public const int ConflictVersion = 1055;
    /// <summary>1064, STRING.</summary>
    public const int RpmVersion = 1064;
    /// <summary>1080, INT32[].</summary>
    public const int ChangelogTime = 1080;
    /// <summary>1081, STRING_ARRAY.</summary>
    public const int ChangelogName = 1081;
    /// <summary>1082, STRING_ARRAY.</summary>
    public const int ChangelogText = 1082;
    /// <summary>1085, STRING or STRING_ARRAY: %pre interpreter.</summary>
    public const int PreInProg = 1085;
    /// <summary>1086, STRING or STRING_ARRAY: %post interpreter.</summary>
    public const int PostInProg = 1086;
    /// <summary>1087, STRING or STRING_ARRAY: %preun interpreter.</summary>
    public const int PreUnProg = 1087;
    /// <summary>1088, STRING or STRING_ARRAY: %postun interpreter.</summary>
    public const int PostUnProg = 1088;
    /// <summary>1090, STRING_ARRAY.</summary>
    public const int ObsoleteName = 1090;
    /// <summary>1095, INT32[].</summary>
    public const int FileDevices = 1095;
    /// <summary>1096, INT32[].</summary>
    public const int FileInodes = 1096;
    /// <summary>1097, STRING_ARRAY.</summary>
    public const int FileLangs = 1097;
    /// <summary>1112, INT32[].</summary>
    public const int ProvideFlags = 1112;
    /// <summary>1113, STRING_ARRAY.</summary>
    public const int ProvideVersion = 1113;
    /// <summary>1114, INT32[].</summary>
    public const int ObsoleteFlags = 1114;
    /// <summary>1115, STRING_ARRAY.</summary>
    public const int ObsoleteVersion = 1115;
    /// <summary>1116, INT32[]: index into DIRNAMES per file.</summary>
    public const int DirIndexes = 1116;
    /// <summary>1117, STRING_ARRAY.</summary>
    public const int BaseNames = 1117;
    /// <summary>1118, STRING_ARRAY: directory names with a trailing <c>/</c>.</summary>
    public const int DirNames = 1118;
    /// <summary>1122, STRING.</summary>
    public const int OptFlags = 1122;
    /// <summary>1124, STRING (<c>cpio</c>).</summary>
    public const int PayloadFormat = 1124;
    /// <summary>1125, STRING (<c>gzip</c>, <c>xz</c>, <c>zstd</c>...).</summary>
    public const int PayloadCompressor = 1125;
    /// <summary>1126, STRING: compression level.</summary>
    public const int PayloadFlags = 1126;
    /// <summary>1132, STRING.</summary>
    public const int Platform = 1132;
    /// <summary>1140, INT32[].</summary>
    public const int FileColors = 1140;
    /// <summary>1141, INT32[].</summary>
    public const int FileClass = 1141;
    /// <summary>1142, STRING_ARRAY.</summary>
    public const int ClassDict = 1142;
    /// <summary>1143, INT32[].</summary>
    public const int FileDependsX = 1143;
    /// <summary>1144, INT32[].</summary>
    public const int FileDependsN = 1144;
    /// <summary>1145, INT32[].</summary>
    public const int DependsDict = 1145;
    /// <summary>1151, STRING.</summary>
    public const int PreTrans = 1151;
    /// <summary>1152, STRING.</summary>
    public const int PostTrans = 1152;
    /// <summary>1153, STRING or STRING_ARRAY.</summary>
    public const int PreTransProg = 1153;
    /// <summary>1154, STRING or STRING_ARRAY.</summary>
    public const int PostTransProg = 1154;
    /// <summary>5008, INT64[]: replaces FILESIZES when a file is ≥ 4 GiB.</summary>
    public const int LongFileSizes = 5008;
    /// <summary>5009, INT64: replaces SIZE when ≥ 4 GiB.</summary>
    public const int LongSize = 5009;
    /// <summary>5011, INT32: OpenPGP hash id of FILEDIGESTS (8 = SHA-256).</summary>
    public const int FileDigestAlgo = 5011;
    /// <summary>5020, INT32.</summary>
    public const int PreInFlags = 5020;
    /// <summary>5021, INT32.</summary>
    public const int PostInFlags = 5021;
    /// <summary>5022, INT32.</summary>
    public const int PreUnFlags = 5022;
    /// <summary>5023, INT32.</summary>
    public const int PostUnFlags = 5023;
    /// <summary>5024, INT32.</summary>
    public const int PreTransFlags = 5024;
    /// <summary>5025, INT32.</summary>
    public const int PostTransFlags = 5025;
    /// <summary>5046, STRING_ARRAY.</summary>
    public const int RecommendName = 5046;
    /// <summary>5047, STRING_ARRAY.</summary>
    public const int RecommendVersion = 5047;
    /// <summary>5048, INT32[].</summary>
    public const int RecommendFlags = 5048;
    /// <summary>5049, STRING_ARRAY.</summary>
    public const int SuggestName = 5049;
    /// <summary>5050, STRING_ARRAY.</summary>
    public const int SuggestVersion = 5050;
    /// <summary>5051, INT32[].</summary>
    public const int SuggestFlags = 5051;
    /// <summary>5052, STRING_ARRAY.</summary>
    public const int SupplementName = 5052;
    /// <summary>5053, STRING_ARRAY.</summary>
    public const int SupplementVersion = 5053;
    /// <summary>5054, INT32[].</summary>
    public const int SupplementFlags = 5054;
    /// <summary>5055, STRING_ARRAY.</summary>
    public const int EnhanceName = 5055;
    /// <summary>5056, STRING_ARRAY.</summary>
    public const int EnhanceVersion = 5056;
    /// <summary>5057, INT32[].</summary>
    public const int EnhanceFlags = 5057;
    /// <summary>5062, STRING (<c>utf-8</c>).</summary>
    public const int Encoding = 5062;
    /// <summary>5092, STRING_ARRAY: hex digest of the compressed payload.</summary>
    public const int PayloadDigest = 5092;
    /// <summary>5093, INT32: hash id of PAYLOADDIGEST (8 = SHA-256).</summary>
    public const int PayloadDigestAlgo = 5093;
    /// <summary>5097, STRING_ARRAY: hex digest of the uncompressed payload.</summary>
    public const int PayloadDigestAlt = 5097;
    /// <summary>5112, INT64: payload size (v6).</summary>
    public const int PayloadSize = 5112;
    /// <summary>5113, INT64: payload size, alternative form (v6).</summary>
    public const int PayloadSizeAlt = 5113;
    /// <summary>5114, INT32: package format version (v6).</summary>
    public const int RpmFormat = 5114;
    /// <summary>5115, INT32[]: index into MIMEDICT per file (v6).</summary>
    public const int FileMimeIndex = 5115;
    /// <summary>5116, STRING_ARRAY (v6).</summary>
    public const int MimeDict = 5116;
    /// <summary>5120, STRING (v6).</summary>
    public const int SourceNevr = 5120;
    /// <summary>5121, STRING_ARRAY (v6).</summary>
    public const int PayloadSha512 = 5121;
    /// <summary>5122, STRING_ARRAY (v6).</summary>
    public const int PayloadSha512Alt = 5122;
    /// <summary>5123, STRING_ARRAY (v6).</summary>
    public const int PayloadSha3_256 = 5123;
    /// <summary>5124, STRING_ARRAY (v6).</summary>
    public const int PayloadSha3_256Alt = 5124;
}
