using Pkgify.TestSupport;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>
/// A package build tree (<c>debian/pkg/...</c>, as dpkg-shlibdeps expects) holding shared objects and an
/// executable compiled here with gcc and g++ against zlib, libpq, libxml2, glibc and libm, a C++ module (libstdc++, libgcc_s), plus a bundled library in
/// <c>opt/app/x.libs</c> that one module reaches through <c>-Wl,-rpath,'$ORIGIN/../x.libs'</c>, like a wheel's
/// <c>*.libs</c> folder.
/// </summary>
internal sealed class NativeFixtures
{
    public const string PackageRoot = "debian/pkg";
    public const string BundledSoname = "libbundled.so.1";

    private static readonly (string Name, string Source, string[] Flags)[] Modules =
    [
        ("zmod.so", """
            #include <zlib.h>
            const char *version(void) { return zlibVersion(); }
            int pack(const void *d, unsigned long n) { unsigned char b[100]; uLongf o = sizeof b; return compress2(b, &o, d, n, 9); }
            unsigned long sum(const void *d, unsigned n) { return crc32_z(0, d, n) ^ adler32(1, d, n); }
            """, ["-lz"]),
        ("pqmod.so", """
            #include <libpq-fe.h>
            int status(const char *c) { PGconn *k = PQconnectdb(c); int s = PQstatus(k); PQfinish(k); return s; }
            int ssl(PGconn *k) { return PQsslInUse(k) + PQpipelineStatus(k); }
            """, ["-I/usr/include/postgresql", "-lpq"]),
        ("xmlmod.so", """
            #include <string.h>
            #include <libxml/parser.h>
            #include <libxml/xpath.h>
            int parse(const char *t) { xmlDocPtr d = xmlReadMemory(t, (int)strlen(t), "x.xml", NULL, 0); int ok = d != NULL; xmlFreeDoc(d); return ok; }
            void *ctx(xmlDocPtr d) { return xmlXPathNewContext(d); }
            """, ["-I/usr/include/libxml2", "-lxml2"]),
        ("libcmod.so", """
            #define _GNU_SOURCE
            #include <math.h>
            #include <stdlib.h>
            #include <sys/random.h>
            #include <sys/mman.h>
            double e(double x) { return exp(x) + log(x) + pow(x, 2); }
            void *grow(void *p, size_t n) { return reallocarray(p, n, 16); }
            long entropy(void *b, size_t n) { return getrandom(b, n, 0); }
            int anon(void) { return memfd_create("x", 0); }
            """, ["-lm"]),
    ];

    private const string BundledSource = """
        #include <zlib.h>
        const char *bundled_version(void) { return zlibVersion(); }
        """;

    private const string BundledUserSource = """
        #include <stdio.h>
        const char *bundled_version(void);
        int show(void) { return puts(bundled_version()); }
        """;

    // A C++ module: exceptions and iostreams bring in libstdc++ and libgcc_s.
    private const string CxxSource = """
        #include <sstream>
        #include <stdexcept>
        extern "C" int parse(const char *t) { std::istringstream in(t); int v; if (!(in >> v)) throw std::runtime_error(t); return v; }
        """;

    private const string ProgramSource = """
        #include <stdio.h>
        #include <libxml/xmlversion.h>
        int main(void) { xmlCheckVersion(20900); return printf("ok\n") < 0; }
        """;

    public NativeFixtures(TempDir dir)
    {
        Root = dir.Root;
        Directory.CreateDirectory(dir.Path(PackageRoot, "DEBIAN"));
        Directory.CreateDirectory(dir.Path(PackageRoot, "opt", "app", "lib"));
        Directory.CreateDirectory(dir.Path(PackageRoot, "opt", "app", "x.libs"));
        Directory.CreateDirectory(dir.Path(PackageRoot, "opt", "app", "bin"));
        File.WriteAllText(dir.Path("debian", "control"), "Source: fixture\nMaintainer: Test <test@example.com>\n\nPackage: pkg\nArchitecture: any\n");
        foreach (var (name, source, flags) in Modules)
            Compile(dir, source, $"opt/app/lib/{name}", ["-shared", "-fPIC", .. flags]);
        Bundled = Compile(dir, BundledSource, $"opt/app/x.libs/{BundledSoname}", ["-shared", "-fPIC", $"-Wl,-soname,{BundledSoname}", "-lz"]);
        Compile(dir, BundledUserSource, "opt/app/lib/bundleduser.so",
            ["-shared", "-fPIC", $"-L{Path.GetDirectoryName(Bundled)}", $"-l:{BundledSoname}", "-Wl,-rpath,$ORIGIN/../x.libs"]);
        Compile(dir, ProgramSource, "opt/app/bin/xmlprog", ["-I/usr/include/libxml2", "-lxml2"]);
        Compile(dir, CxxSource, "opt/app/lib/cxxmod.so", ["-shared", "-fPIC"], compiler: "g++", extension: ".cc");
    }

    /// <summary>The directory holding debian/control, where dpkg-shlibdeps must run.</summary>
    public string Root { get; }

    /// <summary>Host path of the bundled library.</summary>
    public string Bundled { get; }

    /// <summary>Host path and install path of every compiled file, the bundled library included.</summary>
    public List<(string HostPath, string InstallPath)> Files { get; } = [];

    /// <summary>The compiled modules and the program, without the bundled library.</summary>
    public IEnumerable<(string HostPath, string InstallPath)> Users => Files.Where(f => f.HostPath != Bundled);

    private string Compile(TempDir dir, string source, string installRelative, string[] flags, string compiler = "gcc", string extension = ".c")
    {
        var name = Path.GetFileName(installRelative);
        var sourcePath = dir.Path(name + extension);
        File.WriteAllText(sourcePath, source + "\n");
        var output = dir.Path([PackageRoot, .. installRelative.Split('/')]);
        // Flags after the source so that libraries resolve its references.
        ToolRunner.RunChecked(ToolRunner.Require(compiler), ["-O1", "-o", output, sourcePath, .. flags]);
        Files.Add((output, "/" + installRelative));
        return output;
    }
}
