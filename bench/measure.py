"""One timed run under GNU time (/usr/bin/time -v): wall clock, peak RSS, exit status, load average.

GNU time reports the children's rusage: for a shell pipeline, "Maximum resident set size" is the largest
single process of the pipeline (getrusage(2), RUSAGE_CHILDREN keeps the maximum, not the sum).
"""

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass

GNU_TIME = "/usr/bin/time"


@dataclass
class Run:
    wall: float          # seconds
    max_rss_kib: int     # peak resident set size of the largest process
    load: float          # 1-minute load average when the run started
    output_bytes: int | None = None


class RunFailed(Exception):
    pass


def _wall_seconds(text: str) -> float:
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35"
    value = re.search(r"Elapsed \(wall clock\) time.*: ([\d:.]+)", text).group(1)
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def load_average() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def timed(argv: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Run:
    """Runs argv under GNU time; raises RunFailed with the command's stderr tail if it fails."""
    if not os.access(GNU_TIME, os.X_OK):
        raise RunFailed(f"{GNU_TIME} is missing: install the Debian package 'time' (make deps)")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        load = load_average()
        proc = subprocess.run([GNU_TIME, "-v", "-o", report.name, *argv], env=env, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        text = report.read()
    if proc.returncode != 0:
        raise RunFailed(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return Run(_wall_seconds(text), rss, load)

