#!/usr/bin/env python3
"""Sums the TRX files of all test projects into one closing line.

Usage: test-summary.py RESULTS_DIR build=STATUS NAME=STATUS...

Each NAME=STATUS is a test project and the exit status of its `dotnet test`; its
counters come from RESULTS_DIR/NAME.trx. A project without a TRX (it did not build,
or its test host crashed) or whose run failed without a failed test in the TRX counts
as one failure, so the closing line can never say "0 failed" for a broken run.
Prints per-project lines, then the skipped count, then `N passed, N failed` last (the
line CI reads). A skipped test proved nothing (a missing tool must fail, never skip), so
skipped tests count as failed too. Exits 1 when anything failed.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TRX_NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
# Counters attributes of <ResultSummary><Counters> (vstest TRX schema).
FAILED_COUNTERS = ("failed", "error", "timeout", "aborted")
SKIPPED_COUNTERS = ("notExecuted", "inconclusive", "notRunnable")


def counters(trx: Path) -> dict:
    node = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", TRX_NS)
    if node is None:
        raise ValueError(f"{trx}: no ResultSummary/Counters")
    return {key: int(value) for key, value in node.attrib.items() if value.isdigit()}


def main(argv: list) -> int:
    results = Path(argv[1])
    passed = failed = skipped = 0
    for item in argv[2:]:
        name, _, status = item.partition("=")
        status = int(status)
        if name == "build":
            if status != 0:
                print(f"solution build: FAILED (exit {status})")
                failed += 1
            continue
        trx = results / f"{name}.trx"
        if not trx.exists():
            print(f"{name}: no test results (exit {status}): it did not build or its test host crashed")
            failed += 1
            continue
        c = counters(trx)
        p = c.get("passed", 0)
        f = sum(c.get(k, 0) for k in FAILED_COUNTERS)
        s = sum(c.get(k, 0) for k in SKIPPED_COUNTERS)
        if status != 0 and f == 0:
            print(f"{name}: dotnet test exited {status} with no failed test recorded")
            f = 1
        print(f"{name}: {p} passed, {f} failed, {s} skipped")
        passed, failed, skipped = passed + p, failed + f, skipped + s
    print(f"{skipped} skipped" + (" (counted as failed: a test must prove something or fail)" if skipped else ""))
    failed += skipped
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
