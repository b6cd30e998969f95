"""A hand-made province for the API and browser tests: 3 cities, 2 parks, 6 enterprises, 1 chain.

| key | city (code) | county | park | class | 2025 above scale | 2025 revenue / VA / profit / tax (万元) | land (亩) |
| --- | --- | --- | --- | --- | --- | --- | --- |
| A1 | 长沙 430100 | 430104 岳麓区 | PA | 3741 飞机制造 (高技术制造业) | yes | 50 000 / 20 000 / 5 000 / 2 000 | 100 |
| A2 | 长沙 430100 | 430102 芙蓉区 | — | 1811 服装 | yes | 30 000 / 10 000 / 1 000 / 1 000 | 50 |
| A3 | 长沙 430100 | 430104 岳麓区 | PA | 3511 矿山机械 | no | 1 500 / 500 / 100 / 50 | 10 |
| B1 | 株洲 430200 | 430202 荷塘区 | PB | 3511 矿山机械 | yes | 40 000 / 12 000 / 2 000 / 1 500 | 80 |
| B2 | 株洲 430200 | 430202 荷塘区 | PB | 3240 有色金属压延 | yes | 20 000 / 6 000 / 600 / 500 | 40 |
| C1 | 岳阳 430600 | 430602 岳阳楼区 | — | 3443 阀门 | yes | 10 000 / 3 000 / 300 / 200 | 20 |

Every enterprise also has 2024 figures at 80 % of 2025. Chain T 测试链 has segments T-U1 (3240) and
T-D1 (3511); C1 is placed in T-U1 by hand. So chain T reaches A3, B1, B2 (by class) and C1 (placed).
A1 holds 专精特新小巨人 (国家级, 2023). Figures expected in the tests are worked out from this table.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gaodi.demo.population import make_uscc
from . import province_chains, province_evaluations

FIRMS = {  # key: region, park, industry, above_scale, revenue, value_added, profit, tax, land
    "A1": ("430104", "PA", "3741", True, 50000, 20000, 5000, 2000, 100),
    "A2": ("430102", "", "1811", True, 30000, 10000, 1000, 1000, 50),
    "A3": ("430104", "PA", "3511", False, 1500, 500, 100, 50, 10),
    "B1": ("430202", "PB", "3511", True, 40000, 12000, 2000, 1500, 80),
    "B2": ("430202", "PB", "3240", True, 20000, 6000, 600, 500, 40),
    "C1": ("430602", "", "3443", True, 10000, 3000, 300, 200, 20),
}
ENERGY = {"A1": (1000, 800), "A2": (1000, 800), "A3": (440, 352), "B1": (400, 320), "B2": (400, 400),
          "C1": (200, 80)}  # energy use (吨标准煤): 2025, 2024 — worked through in province_evaluations.py
USCC = {k: make_uscc(v[0], i + 1) for i, (k, v) in enumerate(FIRMS.items())}
NAME = {k: f"企业{k}（测试）" for k in FIRMS}
PASSWORD = "test-password-1"
# username: role, scope value
ACCOUNTS = {"admin": ("admin", None), "prov": ("province", None), "cs": ("city", "430100"),
            "zz": ("city", "430200"), "pa": ("park", "PA"), "chain": ("chain", "T"), "a1": ("enterprise", None)}


def write(path: Path, header: list[str], rows: list) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def build(g, folder: Path) -> None:
    """Import the province into ``g`` and create one account per entry of ACCOUNTS."""
    from gaodi.access.accounts import create_user

    g.import_file("parks", write(folder / "parks.csv", ["park_id", "name", "level", "region_code", "area_mu(亩)"],
                                 [("PA", "甲园区（测试）", "国家级", "430104", 1000),
                                  ("PB", "乙园区（测试）", "省级", "430202", 500)]))
    g.import_file("enterprises", write(
        folder / "ent.csv", ["uscc", "name", "region_code", "park_id", "industry_code", "founded_year"],
        [(USCC[k], NAME[k], v[0], v[1], v[2], 2010) for k, v in FIRMS.items()]))
    rows = []
    for k, (_, _, _, above, rev, va, profit, tax, land) in FIRMS.items():
        now, before = ENERGY[k]
        rows.append((USCC[k], "2025", "是" if above else "否", rev, va, profit, tax, rev / 50, 100, land, now))
        rows.append((USCC[k], "2024", "是" if above else "否", rev * .8, va * .8, profit * .8, tax * .8,
                     rev / 50 * .8, 90, land, before))
    g.import_file("statistics", write(
        folder / "stats.csv", ["uscc", "period", "above_scale", "revenue(万元)", "value_added(万元)",
                               "profit(万元)", "tax(万元)", "rd_expense(万元)", "employees", "land_mu(亩)",
                               "energy_tce(吨标准煤)"], rows))
    g.import_file("titles", write(folder / "titles.csv", ["uscc", "title", "level", "year_granted"],
                                  [(USCC["A1"], "专精特新小巨人", "国家级", 2023)]))
    g.import_file("chains", write(folder / "chains.csv", ["chain_id", "name"], [("T", "测试链")]))
    g.import_file("segments", write(folder / "seg.csv", ["chain_id", "segment_id", "name", "stage", "industry_codes"],
                                    [("T", "T-U1", "材料", "上游", "3240"), ("T", "T-D1", "整机", "下游", "3511")]))
    g.import_file("placements", write(folder / "pl.csv", ["chain_id", "segment_id", "uscc", "role"],
                                      [("T", "T-U1", USCC["C1"], "成员")]))
    province_chains.add(g, folder)
    province_evaluations.add(g, folder)
    g.save_plan("hunan_15th_manufacturing_2026", "builtin:hunan_15th_manufacturing_2026")
    g.policies.load_policies(examples=True)  # the policy calculator reads the rule set loaded last
    for username, (role, value) in ACCOUNTS.items():
        create_user(g.store, username, PASSWORD, role, USCC["A1"] if role == "enterprise" else value)
