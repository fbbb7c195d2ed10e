"""`pkgify build` of examples/hello-wsgi: cold (empty venv cache) and warm (cache kept, app-only change).

The example's wheelhouse (wheels/) is built first, outside the timing, from vendor/greetfast with the
interpreter its pkgify.yaml names, as its requirements.txt expects.
"""

import os
import re
import shutil
import statistics
import subprocess
from pathlib import Path

import measure

HEADER = ["pkgify build examples/hello-wsgi", "median wall s", "peak RSS MiB", "load avg at start (per round)"]
NOT_AVAILABLE = "not yet available (no `pkgify build` on this branch)"
COLD, WARM = "cold (empty venv cache)", "warm (venv cache kept, app-only change)"


def available(exe: list[str]) -> bool:
    return subprocess.run([*exe, "build", "--help"], capture_output=True).returncode == 0


def _prepare(repo: Path, work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(repo / "examples" / "hello-wsgi", work)
    python = re.search(r"^python:\s*(\S+)", (work / "pkgify.yaml").read_text(), re.M).group(1)
    subprocess.run([python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                    "--disable-pip-version-check", "-w", str(work / "wheels"), str(work / "vendor" / "greetfast")],
                   check=True, env={**os.environ, "PIP_FIND_LINKS": ""})


def _row(label: str, runs: list[measure.Run]) -> list[str]:
    return [label, f"{statistics.median(r.wall for r in runs):.1f}", f"{max(r.max_rss_kib for r in runs) / 1024:.0f}",
            "/".join(f"{r.load:.1f}" for r in runs)]


def measure_build(exe: list[str], repo: Path, cache: Path, formats: str, rounds: int) -> list[list[str]]:
    if not available(exe):
        return [[COLD, NOT_AVAILABLE, "", ""], [WARM, NOT_AVAILABLE, "", ""]]
    work, venvs, out = cache / "build-example", cache / "venv-cache", cache / "out-build"
    _prepare(repo, work)
    env = {**os.environ, "PKGIFY_CACHE_DIR": str(venvs), "SOURCE_DATE_EPOCH": "1700000000"}
    argv = [*exe, "build", str(work), "-f", formats, "-o", str(out), "-q"]
    app_file = work / "hello_wsgi" / "app.py"
    cold, warm = [], []
    for r in range(rounds):
        shutil.rmtree(venvs, ignore_errors=True)
        cold.append(measure.timed(argv, env=env))
        with app_file.open("a") as f:
            f.write(f"\n# app-only change {r} for the warm build\n")
        warm.append(measure.timed(argv, env=env))
        print(f"build round {r + 1}/{rounds}  cold {cold[-1].wall:.1f} s  warm {warm[-1].wall:.1f} s", flush=True)
    shutil.rmtree(out, ignore_errors=True)
    return [[f"{COLD}, -f {formats}", *_row(COLD, cold)[1:]], [f"{WARM}, -f {formats}", *_row(WARM, warm)[1:]]]
