"""What running the warnings costs, against the plain plan monitor of the same workspace (not a test).

    uv run python benchmarks/bench_warnings.py --home /tmp/demo-small [--period 2026-10]

On a demo workspace (``gaodi demo --size small``): times a cold plan monitor (the reference, a fresh
``Gaodi`` each time), then the warnings run by kind (each on a fresh ``Gaodi``, so nothing is cached between
them) and the whole run, and prints each as seconds and as a ratio to the reference run side by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from gaodi.alerts.evaluate import evaluate
from gaodi.alerts.rules import KINDS, RuleSet
from gaodi.core import Gaodi


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", required=True)
    ap.add_argument("--period", default="2026-10")
    args = ap.parse_args()
    with Gaodi.open(args.home) as g:
        reference, _ = timed(lambda: g.monitor(args.period))
    print(f"reference: plan monitor {args.period}, cold: {reference:.1f} s (1.00)")
    today = dt.date(2026, 12, 2)
    for kind in KINDS:
        with Gaodi.open(args.home) as g:
            rs = g.alerts.rule_sets()[0]
            only = RuleSet(rs.jurisdiction, rs.name, rs.version, rs.effective,
                           tuple(r for r in rs.rules if r.kind == kind))
            seconds, rows = timed(lambda: evaluate(g, only, today))
        print(f"warnings {kind:<10} {len(rows):>5} raised  {seconds:7.1f} s  ({seconds / reference:.2f} × reference)")
    with Gaodi.open(args.home) as g:
        seconds, result = timed(lambda: g.alerts.run(today))
    print(f"warnings, whole run {result['raised']:>5} raised  {seconds:7.1f} s  ({seconds / reference:.2f} × reference)")


if __name__ == "__main__":
    main()
