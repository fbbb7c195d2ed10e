"""The peak-RSS step: pack the 2 GiB / 100,000-file tree once per format and compression.

Memory, unlike time, hardly depends on the other load on the machine, so one run each is enough.
"""

import shutil

import contenders as c
import measure
import trees

TARGET_MIB = 200
HEADER = ["format", "case", "peak RSS MiB", f"≤ {TARGET_MIB} MiB", "wall s", "output bytes", "load avg at start"]


def measure_rss(exe: list[str], cache, rpm: bool, labels: list[str]) -> dict:
    tree = trees.ensure(cache, "big")
    files, size = trees.tree_stats(tree)
    rows = []
    for fmt in ["deb", "rpm"]:
        for case in [k for k in c.CASES if k.label in labels]:
            if fmt == "rpm" and not rpm:
                rows.append([fmt, case.label, "not yet available", "", "", "", ""])
                continue
            out = cache / "out-rss"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            cmd = c.Pkgify(exe, tree, fmt).command(case, out)
            run = measure.timed(cmd.argv, env=cmd.env)
            out_size = cmd.output_size()
            shutil.rmtree(out, ignore_errors=True)
            mib = run.max_rss_kib / 1024
            rows.append([fmt, case.label, f"{mib:.0f}", "yes" if mib <= TARGET_MIB else "NO", f"{run.wall:.1f}",
                         f"{out_size:,}", f"{run.load:.1f}"])
            print(f"rss  {fmt} {case.label:8} {mib:6.0f} MiB  {run.wall:7.1f} s  load {run.load:.1f}", flush=True)
    return {"rows": rows, "tree": f"{files:,} files, {size / 2**30:.2f} GiB ({size:,} bytes)"}
