"""A hand-made store for the store evaluation tests: six enterprises in two parks, two years.

2025 (above-scale, graded unless noted):
    E1  tax 100  va 400  land 10   → 亩均税收 10, 亩均增加值 40   park P1, cluster C1
    E2  tax  30  va 200  land 10   → 3, 20                        park P1, cluster C1
    E3  tax  40  va 100  land 20   → 2, 5                         park P2
    E4  tax  10  va 300  land 10   → 1, 30                        park P2, no row in 2024
    E5  founded 2024 (not graded: 成立不满2年)                     park P2
    E6  land 0.5 (not graded: 用地不足1亩)                          park P2
    B1  below-scale, outside the above-scale population
2024: E1 tax 30 va 200 land 10; E2 tax 100 va 400 land 10; E3 tax 40 va 100 land 20;
      E5 tax 5 va 10 land 2 (founded 2024).
"""

from __future__ import annotations

import pyarrow as pa

from gaodi.core import Gaodi

RULES = """
name: 测试亩均
version: "t1"
subject: enterprises
population: {above_scale: true}
not_graded:
  - {id: new, label: 成立不满2年, founded_within_years: 2}
  - {id: no_land, label: 用地不足1亩, land_mu_below: 1}
method: weighted
cap: 2
indicators:
  亩均税收: {weight: 0.6, benchmark: average}
  亩均增加值: {weight: 0.4, benchmark: 20}
classes:
  kind: thresholds
  bounds: {A: [120, null], B: [90, 120], C: [60, 90], D: [null, 60]}
measures:
  A: [优先支持]
  D: [倒逼整治]
"""

_ENTERPRISES = [
    # uscc, park, founded, county, industry
    ("E1", "P1", 2010, "430102", "3911"),
    ("E2", "P1", 2012, "430102", "3911"),
    ("E3", "P2", 2015, "430202", "1399"),
    ("E4", "P2", 2016, "430202", "1399"),
    ("E5", "P2", 2024, "430202", "1399"),
    ("E6", "P2", 2011, "430202", "1399"),
    ("B1", None, 2010, "430102", "1399"),
]

_STATS = {
    2025: {
        "E1": {"tax": 100, "value_added": 400, "land_mu": 10, "revenue": 3000, "energy_tce": 100,
               "employees": 20, "rd_expense": 60},
        "E2": {"tax": 30, "value_added": 200, "land_mu": 10, "revenue": 2000, "energy_tce": 100,
               "employees": 20, "rd_expense": 20},
        "E3": {"tax": 40, "value_added": 100, "land_mu": 20, "revenue": 2500, "energy_tce": 50,
               "employees": 30, "rd_expense": 25},
        "E4": {"tax": 10, "value_added": 300, "land_mu": 10, "revenue": 2500, "energy_tce": 150,
               "employees": 40, "rd_expense": 10},
        "E5": {"tax": 20, "value_added": 80, "land_mu": 5, "revenue": 2100, "energy_tce": 20,
               "employees": 10, "rd_expense": 5},
        "E6": {"tax": 5, "value_added": 50, "land_mu": 0.5, "revenue": 2200, "energy_tce": 20,
               "employees": 10, "rd_expense": 5},
        "B1": {"tax": 3, "value_added": 30, "land_mu": 4, "revenue": 900, "energy_tce": 10,
               "employees": 8, "rd_expense": 2},
    },
    2024: {
        "E1": {"tax": 30, "value_added": 200, "land_mu": 10, "revenue": 2400, "energy_tce": 100,
               "employees": 20, "rd_expense": 50},
        "E2": {"tax": 100, "value_added": 400, "land_mu": 10, "revenue": 2500, "energy_tce": 100,
               "employees": 20, "rd_expense": 20},
        "E3": {"tax": 40, "value_added": 100, "land_mu": 20, "revenue": 2000, "energy_tce": 50,
               "employees": 30, "rd_expense": 20},
        "E5": {"tax": 5, "value_added": 10, "land_mu": 2, "revenue": 2000, "energy_tce": 10,
               "employees": 5, "rd_expense": 1},
    },
}


def build(home=None) -> Gaodi:
    """Open a store (in memory unless ``home``) and fill it with the enterprises above."""
    g = Gaodi.open(home=home, in_memory=home is None)
    s = g.store
    s.insert_arrow("parks", pa.Table.from_pylist([
        {"park_id": "P1", "name": "甲园区", "level": "provincial", "region_code": "430102",
         "area_mu": 1000.0},
        {"park_id": "P2", "name": "乙园区", "level": "provincial", "region_code": "430202",
         "area_mu": 2000.0},
    ]))
    s.insert_arrow("enterprises", pa.Table.from_pylist([
        {"uscc": u, "name": f"企业{u}", "region_code": r, "park_id": p, "industry_code": i,
         "founded_year": f} for u, p, f, r, i in _ENTERPRISES
    ]))
    rows = []
    for year, by_uscc in _STATS.items():
        for uscc, values in by_uscc.items():
            rows.append({"uscc": uscc, "period": str(year), "period_type": "year", "year": year,
                         "month": 12, "above_scale": not uscc.startswith("B"),
                         **{k: float(v) for k, v in values.items() if k != "employees"},
                         "employees": values["employees"]})
    s.insert_arrow("statistics", pa.Table.from_pylist(rows))
    s.insert_arrow("clusters", pa.Table.from_pylist([
        {"cluster_id": "C1", "name": "甲集群", "level": "provincial", "region_code": "430100",
         "year_recognised": 2020},
        {"cluster_id": "C2", "name": "乙集群", "level": "sme_featured", "region_code": "430200",
         "year_recognised": 2022},
    ]))
    s.insert_arrow("cluster_members", pa.Table.from_pylist([
        {"cluster_id": "C1", "uscc": "E1"}, {"cluster_id": "C1", "uscc": "E2"},
        {"cluster_id": "C2", "uscc": "E3"}, {"cluster_id": "C2", "uscc": "E4"},
    ]))
    s.insert_arrow("enterprise_titles", pa.Table.from_pylist([
        {"uscc": "E1", "title": "专精特新小巨人", "level": "国家级", "year_granted": 2023,
         "year_expiring": 2026},
        {"uscc": "E2", "title": "专精特新小巨人", "level": "国家级", "year_granted": 2020,
         "year_expiring": 2023},
        {"uscc": "E3", "title": "高新技术企业", "level": "国家级", "year_granted": 2024,
         "year_expiring": 2027},
    ]))
    return g
