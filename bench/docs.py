"""Writes the bench results into docs/performance.md, between the markers; the prose around them is kept."""

from pathlib import Path

import machine
import measure
import pkgify_build
import report
import rss

BEGIN = "<!-- bench:results:begin (written by `make bench`; edit outside the markers) -->"
END = "<!-- bench:results:end -->"


def _block(repo: Path, started: str, rounds: int, sections: dict) -> str:
    out = [f"Measured {started}, load average at the end {measure.load_average():.1f}.", ""]
    out += [report.markdown_table(["machine", ""], [list(row) for row in machine.describe(str(repo))]), ""]
    if "timing" in sections:
        t = sections["timing"]
        out += [f"### Timing: realistic tree ({t['tree']}), median of {rounds} rounds", "",
                report.markdown_table(report.TIMING_HEADER, report.timing_rows(t["results"])), "",
                report.markdown_table(report.RATIO_HEADER, report.ratio_rows(t["results"], t["lower"])), ""]
    if "build" in sections:
        out += ["### `pkgify build`", "", report.markdown_table(pkgify_build.HEADER, sections["build"]), ""]
    if "rss" in sections:
        r = sections["rss"]
        out += [f"### Peak RSS: big tree ({r['tree']}), one run each", "",
                report.markdown_table(rss.HEADER, r["rows"]), ""]
    return "\n".join(out)


def update(path: Path, repo: Path, started: str, rounds: int, sections: dict) -> None:
    text = path.read_text() if path.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{_block(repo, started, rounds, sections)}\n{END}{tail}")
