"""A hand-made store for the ladder tests; the facts each enterprise yields are worked out here.

L1 (长沙, 3911 in 战略性新兴产业 in full, founded 2015, 80 people, above-scale):
    revenue 2023/2024/2025 = 2000/2500/3000 → growth 25 %, 20 %, two-year mean 22.5 %;
    R&D 2024/2025 = 90/120 万元 → 3.6 %, 4 %; two-year mean 105 万元; holds 创新型中小企业.
L2 (长沙, 3911, founded 2018, 150 people, above-scale):
    revenue 6000/7000/8000 → growth 16.667 %, 14.286 %, mean 15.476 %;
    R&D 2024/2025 = 450/520 → 6.429 %, 6.5 %; holds 专精特新中小企业 and 创新型中小企业.
L3 (长沙, 1399 not in the catalogue, founded 2020, below-scale): revenue 1200/1500 (+25 %),
    R&D 30 → 2 %.
L4 (长沙, 1399, below-scale): revenue 2100.
L5 (株洲, 1399, above-scale): revenue 150000 (十亿 rung held, not 百亿).
"""

from __future__ import annotations

import pyarrow as pa

from gaodi.core import Gaodi

_ENT = [("L1", "430102", "3911", 2015), ("L2", "430102", "3911", 2018),
        ("L3", "430102", "1399", 2020), ("L4", "430103", "1399", 2012),
        ("L5", "430202", "1399", 2005)]
_REVENUE = {"L1": (2000, 2500, 3000), "L2": (6000, 7000, 8000), "L3": (None, 1200, 1500),
            "L4": (None, 1900, 2100), "L5": (None, 140000, 150000)}
_RD = {"L1": (None, 90, 120), "L2": (None, 450, 520), "L3": (None, 20, 30), "L4": (None, 5, 10),
       "L5": (None, 3000, 3000)}
_PEOPLE = {"L1": 80, "L2": 150, "L3": 20, "L4": 30, "L5": 3000}
_ABOVE = {"L1": True, "L2": True, "L3": False, "L4": False, "L5": True}


def find(tree, node_id: str):
    """The node (criterion or check) with ``node_id`` in a tree of ``.id`` / ``.children``."""
    if tree.id == node_id:
        return tree
    for child in tree.children:
        found = find(child, node_id)
        if found is not None:
            return found
    return None


def build(home=None) -> Gaodi:
    g = Gaodi.open(home=home, in_memory=home is None)
    s = g.store
    s.insert_arrow("enterprises", pa.Table.from_pylist([
        {"uscc": u, "name": f"企业{u}", "region_code": r, "industry_code": i, "founded_year": f}
        for u, r, i, f in _ENT]))
    rows = []
    for uscc, revenues in _REVENUE.items():
        for k, year in enumerate((2023, 2024, 2025)):
            if revenues[k] is None:
                continue
            rd = _RD[uscc][k]
            rows.append({"uscc": uscc, "period": str(year), "period_type": "year", "year": year,
                         "month": 12, "above_scale": _ABOVE[uscc], "revenue": float(revenues[k]),
                         "rd_expense": None if rd is None else float(rd),
                         "employees": _PEOPLE[uscc], "value_added": revenues[k] * 0.25,
                         "energy_tce": revenues[k] * 0.05, "profit": revenues[k] * 0.08,
                         "tax": revenues[k] * 0.03, "land_mu": 20.0,
                         "digital_design_tools": True})
    s.insert_arrow("statistics", pa.Table.from_pylist(rows))
    s.insert_arrow("enterprise_titles", pa.Table.from_pylist([
        {"uscc": "L1", "title": "创新型中小企业", "level": "省级", "year_granted": 2024,
         "year_expiring": 2027},
        {"uscc": "L2", "title": "创新型中小企业", "level": "省级", "year_granted": 2023,
         "year_expiring": 2026},
        {"uscc": "L2", "title": "专精特新中小企业", "level": "省级", "year_granted": 2024,
         "year_expiring": 2027},
    ]))
    return g
