"""Benchmark the policy calculator: a province of synthetic enterprises against 100 policies.

Run: ``.venv/bin/python benchmarks/bench_policy.py [--enterprises 200000] [--policies 100]``

Prints the time to (1) build the enterprise table, (2) match every enterprise against every policy
with the per-condition outcome of every pair kept (what every explanation is built from), (3) write
out the condition-by-condition text of every near miss, (4) the policy summary, and (5) one
enterprise's policies from scratch (table of one row, matching, explanations); then the peak memory.
Targets: (2) + (3) < 10 s, (5) < 200 ms. Benchmarks never fail; they report.

With ``--home WORKSPACE`` (a workspace holding a demo province, e.g. after ``gaodi --home W demo``) the
same steps run again on the enterprise table built from the store with Ibis
(:mod:`gaodi.policies.store_attributes`), and one enterprise is also timed end to end through
``EnterpriseServices`` (its store query, matching and explanations).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import resource
import time

import numpy as np
import pandas as pd
import yaml

from gaodi.policies.attributes import EnterpriseTable
from gaodi.policies.explain import enterprise_policies, near_miss_gaps
from gaodi.policies.match import match_policies
from gaodi.policies.rules import EXAMPLES, parse_policy_set

CITIES = ["4301", "4302", "4303", "4304", "4305", "4306", "4307", "4308", "4309", "4310", "4311", "4312",
          "4313", "4331"]
TITLES = ["高新技术企业", "专精特新中小企业:省级", "专精特新小巨人", "制造业单项冠军:国家级", "绿色工厂:国家级",
          "绿色工厂:省级", "创新型中小企业", "企业技术中心:省级"]
CATALOGUES = ["高技术制造业", "战略性新兴产业", "装备制造业", "数字经济核心产业"]


def synthetic_enterprises(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` invented enterprises with plausible, skewed attributes (lognormal revenues)."""
    rng = np.random.default_rng(seed)
    revenue = np.round(rng.lognormal(mean=8.0, sigma=1.4, size=n), 1)  # 万元, median ≈ 3000
    rd_intensity = np.round(np.clip(rng.gamma(1.5, 1.3, size=n), 0, 30), 2)
    industries = np.array([f"{d:02d}{c:02d}" for d in range(13, 44) for c in (11, 12, 21, 31, 41)])
    titles = [list(rng.choice(TITLES, size=k, replace=False)) for k in rng.poisson(0.6, size=n)]
    catalogues = [list(rng.choice(CATALOGUES, size=k, replace=False)) for k in rng.binomial(2, 0.3, size=n)]
    county = rng.integers(1, 30, size=n)
    return pd.DataFrame({
        "uscc": [f"E{i:08d}" for i in range(n)],
        "name": [f"示例企业{i}（虚构）" for i in range(n)],
        "region_code": [f"{c}{k:02d}" for c, k in zip(rng.choice(CITIES, size=n), county)],
        "industry_code": rng.choice(industries, size=n),
        "catalogues": catalogues,
        "size_class": rng.choice(["微型", "小型", "中型", "大型"], size=n, p=[0.3, 0.45, 0.2, 0.05]),
        "titles": titles,
        "above_scale": revenue >= 2000,
        "revenue": revenue,
        "revenue_prev": np.round(revenue / rng.normal(1.08, 0.15, size=n).clip(0.5, 3), 1),
        "revenue_growth": np.round(rng.normal(8, 15, size=n), 1),
        "rd_expense": np.round(revenue * rd_intensity / 100, 1),
        "rd_intensity": rd_intensity,
        "investment": np.round(rng.lognormal(5.5, 1.6, size=n), 1),
        "employees": rng.integers(5, 3000, size=n),
        "new_hires": rng.poisson(6, size=n),
        "age_years": rng.integers(0, 40, size=n),
        "invention_patents": rng.poisson(2, size=n),
        "smart_factory_level": rng.choice(["无", "基础", "先进", "卓越", "领航"], size=n,
                                          p=[0.6, 0.25, 0.1, 0.04, 0.01]),
        "mu_class": rng.choice(["A", "B", "C", "D"], size=n, p=[0.2, 0.4, 0.3, 0.1]),
        "serious_violation": rng.random(size=n) < 0.02,
    })


def synthetic_policies(count: int, seed: int = 11) -> dict:
    """The shipped example policies, plus variants with other thresholds and scopes up to ``count``."""
    rng = np.random.default_rng(seed)
    doc = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    base = [p for p in doc["policies"] if p.get("valid_to") is None or str(p["valid_to"]) >= "2026-06-30"]
    policies = list(base)
    while len(policies) < count:
        p = copy.deepcopy(base[len(policies) % len(base)])
        p["id"] = f"{p['id']}-V{len(policies)}"
        if p["level"] == "city":
            p["region_scope"] = [str(rng.choice(CITIES))]
        for cond in _leaves(p.get("conditions") or []):
            if isinstance(cond.get("value"), (int, float)) and not isinstance(cond["value"], bool):
                cond["value"] = round(float(cond["value"]) * float(rng.uniform(0.5, 1.5)), 2)
        policies.append(p)
    return {**doc, "policies": policies[:count]}


def _leaves(node):
    if isinstance(node, list):
        for child in node:
            yield from _leaves(child)
    elif "all" in node or "any" in node:
        yield from _leaves(node.get("all") or node.get("any"))
    else:
        yield node


def timed(label: str, fn):
    start = time.perf_counter()
    value = fn()
    print(f"{label:<58} {time.perf_counter() - start:8.3f} s")
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=200_000)
    parser.add_argument("--policies", type=int, default=100)
    parser.add_argument("--home", help="a demo workspace: also run on the table built from its store")
    args = parser.parse_args()
    as_of = dt.date(2026, 6, 30)
    policy_set = parse_policy_set(synthetic_policies(args.policies), source="bench")
    if args.enterprises > 0:
        run_synthetic(args, policy_set, as_of)
    if args.home:
        run_store(args.home, policy_set, as_of)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:,.0f} MiB")


def run_store(home: str, policy_set, as_of: dt.date) -> None:
    """The same steps on the enterprise table built from a workspace's store."""
    from gaodi.core import Gaodi
    from gaodi.policies.store_attributes import enterprise_attributes
    from gaodi.enterprise_services import EnterpriseServices

    g = Gaodi.open(home=home)
    svc = EnterpriseServices(g)
    year = svc.data_year(as_of)
    print(f"\nstore-built table from {home} (statistics {year}, titles held {as_of.year})")
    frame, t_query = timed("query the store with Ibis (enterprise attribute table)",
                           lambda: enterprise_attributes(g.store, year, as_of.year))
    table, t_table = timed("compile the enterprise table", lambda: EnterpriseTable(frame, "store"))
    result, t_match = timed(f"match {table.n:,} enterprises × {len(policy_set.policies)} policies",
                            lambda: match_policies(table, policy_set, as_of))
    gaps, t_gaps = timed("texts of every failing condition of every near miss", lambda: near_miss_gaps(result))
    print(f"  near-miss condition rows: {len(gaps):,}; all enterprises with explanations: "
          f"{t_query + t_table + t_match + t_gaps:.3f} s (target < 10 s)")
    record = frame.iloc[[len(frame) // 2]].to_dict(orient="records")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        one = match_policies(EnterpriseTable.from_records(record), policy_set, as_of)
        enterprise_policies(one, record[0]["uscc"], include_not_eligible=True)
        times.append(time.perf_counter() - start)
    print(f"{'one enterprise, from its store-built record':<58} {min(times):8.3f} s (best of 5; target < 0.2 s)")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        svc.enterprise_policies(record[0]["uscc"], as_of)
        times.append(time.perf_counter() - start)
    print(f"{'one enterprise end to end, stored rule set (query+match+explain)':<58} {min(times):8.3f} s "
          f"(best of 5; median {np.median(times):.3f} s)")
    g.close()


def run_synthetic(args, policy_set, as_of: dt.date) -> None:
    """The steps on ``args.enterprises`` synthetic enterprises."""
    frame = synthetic_enterprises(args.enterprises)
    leaves = sum(len(p.leaves) for p in policy_set.policies)
    print(f"{args.enterprises:,} enterprises × {len(policy_set.policies)} policies ({leaves} leaf conditions), "
          f"{args.enterprises * len(policy_set.policies):,} pairs")

    table, t_table = timed("build the enterprise table", lambda: EnterpriseTable(frame, "bench"))
    result, t_match = timed("match all pairs, per-condition outcomes kept",
                            lambda: match_policies(table, policy_set, as_of))
    gaps, t_gaps = timed("texts of every failing condition of every near miss", lambda: near_miss_gaps(result))
    summary, _ = timed("policy summary (counts, total outlay)", result.summary)
    print(f"  near-miss condition rows: {len(gaps):,}; qualifying pairs: {int(summary['qualifies'].sum()):,}; "
          f"near-miss pairs: {int(summary['near_miss'].sum()):,}")
    print(f"  all enterprises, with explanations: {t_table + t_match + t_gaps:.3f} s (target < 10 s)")

    record = frame.iloc[[12345 % args.enterprises]].to_dict(orient="records")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        one = match_policies(EnterpriseTable.from_records(record), policy_set, as_of)
        enterprise_policies(one, record[0]["uscc"], include_not_eligible=True)
        times.append(time.perf_counter() - start)
    print(f"{'one enterprise, from its record to explained policies':<58} {min(times):8.3f} s "
          f"(best of 5; median {np.median(times):.3f} s; target < 0.2 s)")


if __name__ == "__main__":
    main()
