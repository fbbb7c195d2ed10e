using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>An rpm database of its own (rpmkeys --dbpath) holding only the keys a test imports.</summary>
public sealed class RpmKeyring
{
    private readonly string _dbPath;

    public RpmKeyring(string dbPath, params string[] armoredKeys)
    {
        ToolRunner.Require("rpmkeys");
        _dbPath = Path.GetFullPath(dbPath);
        Directory.CreateDirectory(_dbPath);
        foreach (var key in armoredKeys)
            ToolRunner.RunChecked("rpmkeys", ["--dbpath", _dbPath, "--import", key]);
    }

    /// <summary><c>rpmkeys -Kv FILE</c>: one line per digest and signature, each ending in OK, NOKEY or BAD.</summary>
    public ToolResult CheckVerbose(string rpm) => ToolRunner.Run("rpmkeys", ["--dbpath", _dbPath, "-Kv", rpm]);

    /// <summary><c>rpmkeys --checksig FILE</c>: "FILE: digests signatures OK" for a package signed by an imported key.</summary>
    public ToolResult CheckSig(string rpm) => ToolRunner.Run("rpmkeys", ["--dbpath", _dbPath, "--checksig", rpm]);
}
