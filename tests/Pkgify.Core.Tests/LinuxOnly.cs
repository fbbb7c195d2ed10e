// The tests prove files with Linux tools (sh, rpm, dpkg, systemd) and set Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
