namespace Pkgify.Core.Python;

/// <summary>A validated Python interpreter that target hosts have at the same path.</summary>
/// <param name="Path">Absolute path, e.g. /usr/bin/python3.11.</param>
/// <param name="Version">Full version, e.g. "3.11.2".</param>
/// <param name="MajorMinor">Feature version, e.g. "3.11": names lib/python3.11 and the python3.11 package.</param>
public sealed record PythonInterpreter(string Path, string Version, string MajorMinor);
