"""The machine a result was measured on: without it a figure means nothing."""

import os
import platform
import re
import subprocess


def _first_line(argv: list[str], pattern: str = r".+") -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return "not installed"
    text = out.stdout + out.stderr
    match = re.search(pattern, text)
    return match.group(0).strip() if match else text.strip().splitlines()[0]


def _cpu_model() -> str:
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def _memory() -> str:
    with open("/proc/meminfo") as f:
        kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    return f"{kib / 1024 / 1024:.1f} GiB"


def describe(repo: str) -> list[tuple[str, str]]:
    commit = _first_line(["git", "-C", repo, "describe", "--always", "--dirty"])
    return [
        ("processors (nproc)", str(os.cpu_count())),
        ("CPU", _cpu_model()),
        ("memory", _memory()),
        ("kernel", platform.release()),
        ("pkgify", f"{commit} ({_first_line(['dotnet', '--version'])} SDK, Release build)"),
        ("dpkg-deb", _first_line(["dpkg-deb", "--version"], r"version [^\s]+")),
        ("rpm", _first_line(["rpm", "--version"])),
        ("xz", _first_line(["xz", "--version"])),
        ("zstd", _first_line(["zstd", "--version"], r"v[\d.]+")),
        ("pigz", _first_line(["pigz", "--version"])),
        ("GNU tar", _first_line(["tar", "--version"])),
    ]
