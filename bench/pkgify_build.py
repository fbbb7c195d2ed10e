"""`pkgify build` of examples/hello-wsgi, cold (no venv cache) and warm (cache kept, app-only change)."""

import shutil
import subprocess
from pathlib import Path

import measure

HEADER = ["pkgify build examples/hello-wsgi", "wall s", "peak RSS MiB", "load avg at start"]
NOT_AVAILABLE = "not yet available (no `pkgify build` on this branch)"


def available(exe: list[str]) -> bool:
    return subprocess.run([*exe, "build", "--help"], capture_output=True).returncode == 0


def _row(label: str, run: measure.Run) -> list[str]:
    return [label, f"{run.wall:.1f}", f"{run.max_rss_kib / 1024:.0f}", f"{run.load:.1f}"]


def measure_build(exe: list[str], repo: Path, cache: Path) -> list[list[str]]:
    if not available(exe):
        return [["cold (empty venv cache)", NOT_AVAILABLE, "", ""], ["warm (venv cache, app-only change)", NOT_AVAILABLE, "", ""]]
    work = cache / "build-example"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(repo / "examples" / "hello-wsgi", work)
    argv = [*exe, "build", str(work), "-f", "deb,rpm", "-o", str(cache / "out-build"), "-q"]
    cold = measure.timed([*argv, "--no-cache"])
    measure.timed(argv)  # fills the cache
    app_file = next(p for p in sorted(work.rglob("*.py")) if "vendor" not in p.parts)
    with app_file.open("a") as f:
        f.write("\n# app-only change for the warm build\n")
    warm = measure.timed(argv)
    return [_row("cold (empty venv cache)", cold), _row("warm (venv cache, app-only change)", warm)]
