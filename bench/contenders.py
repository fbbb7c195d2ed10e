"""What is timed: pkgify, the distribution tools, and `tar | compressor` as the lower bound.

Each contender turns (compression case, output directory) into a command line and the file it writes.
Everything writes a real file (not /dev/null) because pkgify and the tools all do.
"""

import os
import shlex
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "benchpkg"
VERSION = "1.0"
RELEASE = "1"
SOURCE_DATE_EPOCH = "1700000000"


@dataclass(frozen=True)
class Case:
    """One compression at one level, spelled for each tool."""
    kind: str
    level: int
    rpm_io: str          # rpm's _binary_payload io name (rpmio: w<level>.<io>)
    lower_cmd: str       # the compressor of the lower bound; {threads} is filled in

    @property
    def label(self) -> str:
        return f"{self.kind}-{self.level}"


CASES = [
    Case("gzip", 6, "gzdio", "pigz -p {threads} -6"),
    Case("xz", 6, "xzdio", "xz -T {threads} -6"),
    Case("zstd", 3, "zstdio", "zstd -q -T{threads} -3"),
    Case("zstd", 19, "zstdio", "zstd -q -T{threads} -19"),
]


@dataclass(frozen=True)
class Command:
    argv: list[str]
    out_dir: Path        # the command writes exactly one file here
    env: dict[str, str]
    cwd: str | None = None

    def output_size(self) -> int:
        files = [p for p in self.out_dir.rglob("*") if p.is_file()]
        if len(files) != 1:
            raise RuntimeError(f"{self.argv[0]}: expected one output file in {self.out_dir}, found {files}")
        return files[0].stat().st_size


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "LC_ALL": "C.UTF-8"}


@dataclass(frozen=True)
class Pkgify:
    """`pkgify pack` of the tree, installed under /opt/benchpkg like the staged trees below."""
    exe: list[str]
    tree: Path
    fmt: str   # deb | rpm

    @property
    def name(self) -> str:
        return f"pkgify {self.fmt}"

    def command(self, case: Case, out: Path) -> Command:
        argv = [*self.exe, "pack", str(self.tree), "--name", PACKAGE, "--version", VERSION, "--release", RELEASE,
                "-f", self.fmt, "--compression", case.kind, "--level", str(case.level), "-o", str(out), "-q"]
        return Command(argv, out, _env())


@dataclass(frozen=True)
class DpkgDeb:
    """dpkg-deb --build of a staged copy of the tree with DEBIAN/control (dpkg-deb(1))."""
    stage: Path
    name = "dpkg-deb"

    def command(self, case: Case, out: Path) -> Command:
        target = out / f"{PACKAGE}.deb"
        argv = ["dpkg-deb", "--root-owner-group", f"-Z{case.kind}", f"-z{case.level}", "--build", str(self.stage), str(target)]
        return Command(argv, out, _env())


@dataclass(frozen=True)
class RpmBuild:
    """rpmbuild -bb with the matching _binary_payload; the spec and buildroot are prepared by staging.py."""
    spec: Path
    topdir: Path
    buildroot: Path
    name = "rpmbuild"

    def command(self, case: Case, out: Path) -> Command:
        argv = ["rpmbuild", "-bb", "--quiet", "--noclean", "--buildroot", str(self.buildroot),
                "--define", "__spec_install_pre %{___build_pre}",
                "--define", f"_topdir {self.topdir}", "--define", f"_rpmdir {out}",
                "--define", "_build_name_fmt %%{NAME}.rpm",
                "--define", f"_binary_payload w{case.level}.{case.rpm_io}", str(self.spec)]
        return Command(argv, out, _env())


@dataclass(frozen=True)
class LowerBound:
    """`tar -cf - | compressor` with N threads: what the compressor alone allows on this machine."""
    tree: Path
    threads: int

    @property
    def name(self) -> str:
        return f"tar|compressor -T{self.threads}"

    def command(self, case: Case, out: Path) -> Command:
        target = out / "lower.tar.compressed"
        compressor = case.lower_cmd.format(threads=self.threads)
        pipeline = f"tar -cf - -C {shlex.quote(str(self.tree))} . | {compressor} > {shlex.quote(str(target))}"
        return Command(["bash", "-o", "pipefail", "-c", pipeline], out, _env())
