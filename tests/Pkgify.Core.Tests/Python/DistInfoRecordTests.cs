using System.Text;
using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class DistInfoRecordTests
{
    private const string Record =
        "../../../bin/flask,sha256=osJ-Fe2jByHSHQU1dbTUGo4hfBkpU1VD11A7WzOlae0,382\r\n" +
        "flask/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n" +
        "\"odd,name.py\",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n" +
        "flask-2.0.dist-info/direct_url.json,sha256=abc,10\r\n" +
        "flask-2.0.dist-info/RECORD,,\r\n";

    [Test]
    public void Unchanged_rows_keep_their_bytes_and_nothing_changed_gives_null() =>
        DistInfoRecord.Rewrite(Record, _ => RecordRowChange.Keep).ShouldBeNull();

    [Test]
    public void Rows_are_updated_dropped_and_quoted_as_python_csv_does()
    {
        var digest = new RecordDigest("sha256=NEW", 99);
        var result = DistInfoRecord.Rewrite(Record, path => path switch
        {
            "../../../bin/flask" => new RecordRowChange.Update(path, digest),
            "odd,name.py" => new RecordRowChange.Update("odd,\"name\".py", null),
            "flask-2.0.dist-info/direct_url.json" => RecordRowChange.Drop,
            _ => RecordRowChange.Keep,
        });

        result.ShouldBe(
            "../../../bin/flask,sha256=NEW,99\r\n" +
            "flask/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n" +
            "\"odd,\"\"name\"\".py\",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n" +
            "flask-2.0.dist-info/RECORD,,\r\n");
    }

    [Test]
    public void Python_csv_reads_the_rewritten_record_as_intended()
    {
        var result = DistInfoRecord.Rewrite(Record, path => path == "odd,name.py"
            ? new RecordRowChange.Update("new \"odd\",name.py", new RecordDigest("sha256=X", 1))
            : RecordRowChange.Keep)!;
        var file = Path.Combine(PythonTestTools.NewTempDir("record"), "RECORD");
        File.WriteAllText(file, result, new UTF8Encoding(false));

        var rows = PythonTestTools.RunOk(PythonTestTools.Python, "-c",
            "import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))", file);

        rows.Trim().ShouldBe(
            "[[\"../../../bin/flask\", \"sha256=osJ-Fe2jByHSHQU1dbTUGo4hfBkpU1VD11A7WzOlae0\", \"382\"], " +
            "[\"flask/__init__.py\", \"sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU\", \"0\"], " +
            "[\"new \\\"odd\\\",name.py\", \"sha256=X\", \"1\"], " +
            "[\"flask-2.0.dist-info/direct_url.json\", \"sha256=abc\", \"10\"], " +
            "[\"flask-2.0.dist-info/RECORD\", \"\", \"\"]]");
    }

    [Test]
    public void Digest_is_urlsafe_base64_sha256_without_padding()
    {
        // The empty file's row as pip writes it (any RECORD listing an empty __init__.py).
        var dir = PythonTestTools.NewTempDir("record");
        var empty = Path.Combine(dir, "empty");
        File.WriteAllBytes(empty, []);
        RecordDigest.Of(empty).ShouldBe(new RecordDigest("sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU", 0));

        // Two bytes whose digest's base64 has '+', '/' and padding, checked against Python's encoder.
        var data = Path.Combine(dir, "data");
        File.WriteAllBytes(data, [0x04, 0x00]);
        var expected = PythonTestTools.RunOk(PythonTestTools.Python, "-c",
            "import base64, hashlib, sys\nd = hashlib.sha256(open(sys.argv[1], 'rb').read()).digest()\n" +
            "print('sha256=' + base64.urlsafe_b64encode(d).decode().rstrip('='))", data).Trim();
        expected.ShouldBe("sha256=wLqKM6xn9Eq_9ZhN-7b1bEa4gKwrhuHyPn-pxALFOuc");
        RecordDigest.Of(data).ShouldBe(new RecordDigest(expected, 2));
    }
}
