"""Medians, ratios and the tables: printed on the terminal and written as Markdown."""

import statistics
from dataclasses import dataclass, field

from measure import Run

MiB_IN_KiB = 1024
NOT_AVAILABLE = "not yet available"


@dataclass
class Series:
    """Every round of one contender on one case."""
    runs: list[Run] = field(default_factory=list)
    unavailable: str | None = None   # why there are no runs

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def spread(self) -> str:
        walls = [r.wall for r in self.runs]
        return f"{min(walls):.1f}–{max(walls):.1f}"

    @property
    def rss_mib(self) -> float:
        return max(r.max_rss_kib for r in self.runs) / MiB_IN_KiB

    @property
    def loads(self) -> str:
        return "/".join(f"{r.load:.1f}" for r in self.runs)

    @property
    def size(self) -> int | None:
        return self.runs[-1].output_bytes if self.runs else None


def _ratio(a: Series | None, b: Series | None) -> str:
    if a is None or b is None or not a.runs or not b.runs:
        return "—"
    return f"{a.median / b.median:.2f}×"


def _size_diff(a: Series | None, b: Series | None) -> str:
    if a is None or b is None or not a.size or not b.size:
        return "—"
    return f"{(a.size - b.size) / b.size * 100:+.2f} %"


def timing_rows(results: dict[str, dict[str, Series]]) -> list[list[str]]:
    rows = []
    for case, by_tool in results.items():
        for tool, s in by_tool.items():
            if not s.runs:
                rows.append([case, tool, s.unavailable or NOT_AVAILABLE, "", "", "", "", ""])
                continue
            rows.append([case, tool, f"{s.median:.1f}", s.spread, f"{s.cpu:.1f}", f"{s.rss_mib:.0f}",
                         f"{s.size:,}" if s.size else "", s.loads])
    return rows


TIMING_HEADER = ["case", "contender", "median wall s", "min–max s", "median CPU s", "peak RSS MiB", "output bytes",
                 "load avg at start (per round)"]
RATIO_HEADER = ["case", "pkgify deb / dpkg-deb", "pkgify deb / lower bound", "deb size vs dpkg-deb",
                "pkgify rpm / lower bound", "rpmbuild / pkgify rpm", "rpm size vs rpmbuild"]


def ratio_rows(results: dict[str, dict[str, Series]], lower: str) -> list[list[str]]:
    rows = []
    for case, t in results.items():
        deb, rpm = t.get("pkgify deb"), t.get("pkgify rpm")
        rows.append([case, _ratio(deb, t.get("dpkg-deb")), _ratio(deb, t.get(lower)), _size_diff(deb, t.get("dpkg-deb")),
                     _ratio(rpm, t.get(lower)), _ratio(t.get("rpmbuild"), rpm), _size_diff(rpm, t.get("rpmbuild"))])
    return rows


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    # A '|' inside a cell (the "tar|compressor" contender) would end the cell: GitHub markdown escapes it as '\|'.
    line = lambda r: "| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |"
    return "\n".join([line(header), line(["---"] * len(header)), *map(line, rows)])
