#!/usr/bin/env python3
"""`make bench`: pkgify against dpkg-deb, rpmbuild and `tar | compressor` on a realistic tree.

Every contender runs once per round on every case, the order rotating each round so that a burst of load
from other processes on the machine does not always hit the same tool; the median of the rounds is
reported. Then the peak-RSS step packs the 2 GiB / 100,000-file tree once per format and compression.
Results are printed and written into docs/performance.md between the bench markers.

Environment: PKGIFY_BENCH_DIR (cache, default /var/cache/pkgify-bench), PKGIFY_BENCH_ROUNDS (3),
PKGIFY_BENCH_CASES (e.g. gzip-6,xz-6), PKGIFY_BENCH_STEPS (timing,rss,build), PKGIFY_BENCH_NO_DOCS=1.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import contenders as c
import docs
import measure
import pkgify_build
import report
import staging
import trees

REPO = Path(__file__).resolve().parent.parent


def parse_args() -> argparse.Namespace:
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pkgify", required=True, help="path of pkgify.dll (Release build)")
    p.add_argument("--cache", default=env("PKGIFY_BENCH_DIR", "/var/cache/pkgify-bench"), type=Path)
    p.add_argument("--rounds", default=int(env("PKGIFY_BENCH_ROUNDS", "3")), type=int)
    p.add_argument("--cases", default=env("PKGIFY_BENCH_CASES", ",".join(k.label for k in c.CASES)))
    p.add_argument("--steps", default=env("PKGIFY_BENCH_STEPS", "timing,rss,build"))
    p.add_argument("--no-docs", action="store_true", default=env("PKGIFY_BENCH_NO_DOCS") == "1")
    return p.parse_args()


def pkgify_supports_rpm(exe: list[str]) -> bool:
    """`pack -f rpm` on the small example tree: the rpm writer is there once this succeeds."""
    with tempfile.TemporaryDirectory() as out:
        probe = subprocess.run([*exe, "pack", str(REPO / "examples" / "hello-tree"), "--name", "probe", "--version", "1",
                                "-f", "rpm", "-o", out, "-q"], capture_output=True)
        return probe.returncode == 0


def contenders_for(exe: list[str], cache: Path, tree: Path, rpm: bool) -> list:
    threads = os.cpu_count() or 1
    spec, top, buildroot = staging.rpm_setup(cache, tree, "realistic")
    return [
        c.Pkgify(exe, tree, "deb"),
        c.DpkgDeb(staging.dpkg_stage(cache, tree, "realistic")),
        c.LowerBound(tree, threads),
        c.Pkgify(exe, tree, "rpm") if rpm else None,
        c.RpmBuild(spec, top, buildroot),
    ]


def run_once(contender, case: c.Case, out: Path) -> measure.Run:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cmd = contender.command(case, out)
    run = measure.timed(cmd.argv, env=cmd.env, cwd=cmd.cwd)
    run.output_bytes = cmd.output_size()
    shutil.rmtree(out, ignore_errors=True)
    return run


def timing(args, exe: list[str]) -> tuple[dict, str]:
    tree = trees.ensure(args.cache, "realistic")
    files, size = trees.tree_stats(tree)
    rpm = pkgify_supports_rpm(exe)
    lineup = contenders_for(exe, args.cache, tree, rpm)
    lower_name = lineup[2].name
    cases = [k for k in c.CASES if k.label in args.cases.split(",")]
    results = {k.label: {(x.name if x else "pkgify rpm"): report.Series(unavailable=None if x else report.NOT_AVAILABLE)
                         for x in lineup} for k in cases}
    # Every contender reads the tree from the page cache, the first one included.
    subprocess.run(["tar", "-cf", "/dev/null", "-C", str(tree), "."], check=True)
    active = [x for x in lineup if x is not None]
    for r in range(args.rounds):
        order = active[r % len(active):] + active[:r % len(active)]
        for case in cases:
            for x in order:
                run = run_once(x, case, args.cache / "out")
                results[case.label][x.name].runs.append(run)
                print(f"round {r + 1}/{args.rounds}  {case.label:8} {x.name:24} {run.wall:7.1f} s  "
                      f"{run.max_rss_kib / 1024:6.0f} MiB  {run.output_bytes:>12,} B  load {run.load:.1f}", flush=True)
    summary = f"{files:,} files, {size / 1e6:,.0f} MB ({size:,} bytes)"
    return {"results": results, "lower": lower_name, "tree": summary}, summary


def main() -> int:
    args = parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    exe = ["dotnet", str(Path(args.pkgify).resolve())]
    steps = args.steps.split(",")
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    sections = {}
    if "timing" in steps:
        data, _ = timing(args, exe)
        sections["timing"] = data
        print()
        print(report.text_table(report.TIMING_HEADER, report.timing_rows(data["results"])))
        print()
        print(report.text_table(report.RATIO_HEADER, report.ratio_rows(data["results"], data["lower"])))
    if "build" in steps:
        formats = "deb,rpm" if pkgify_supports_rpm(exe) else "deb"
        sections["build"] = pkgify_build.measure_build(exe, REPO, args.cache, formats, args.rounds)
        print()
        print(report.text_table(pkgify_build.HEADER, sections["build"]))
    if "rss" in steps:
        import rss
        sections["rss"] = rss.measure_rss(exe, args.cache, pkgify_supports_rpm(exe), args.cases.split(","))
        print()
        print(report.text_table(rss.HEADER, sections["rss"]["rows"]))
    if not args.no_docs:
        docs.update(REPO / "docs" / "performance.md", REPO, started, args.rounds, sections)
        print(f"\nbench: results written to {REPO / 'docs' / 'performance.md'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except measure.RunFailed as e:
        print(f"bench: {e}", file=sys.stderr)
        sys.exit(1)
