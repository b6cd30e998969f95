"""A hand-made province for the chain tests: one chain, 3 segments, 11 invoice lines.

Chain T 测试链: T-U1 材料 (class 3240), T-U2 零部件 (class 3443, tax-code prefix 109), T-D1 整机
(class 3511). Buyers B1, B2 in 长沙 (4301xx) and B3 in 株洲 (4302xx) make 3511; local suppliers
S1 (3240, 长沙), S2 (3240, 株洲), S3 (3443, 岳阳), S4 (3443, 长沙); S5 makes clothes (1811, 长沙);
X makes clothes in 长沙 and is no chain member by rule; O1 (深圳) and O2 (苏州) are outside.
B1 is a chain master (manual placement). Amounts in 万元; every expected figure is worked out by hand
in the test that uses it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gaodi.demo.population import make_uscc

REGION = {"B1": "430102", "B2": "430104", "B3": "430202", "S1": "430103", "S2": "430203",
          "S3": "430602", "S4": "430105", "S5": "430111", "X": "430121", "O1": "440300",
          "O2": "320500"}
INDUSTRY = {"B1": "3511", "B2": "3511", "B3": "3511", "S1": "3240", "S2": "3240", "S3": "3443",
            "S4": "3443", "S5": "1811", "X": "1811"}
USCC = {k: make_uscc(r, i + 1) for i, (k, r) in enumerate(REGION.items())}

# seller, buyer, month, product code, amount (万元)
LINES = [
    ("S1", "B1", "2025-01", "3240", 100.0),   # 1 T-U1 local, same city
    ("S2", "B1", "2025-01", "3240", 50.0),    # 2 T-U1 local
    ("O2", "B1", "2025-01", "3240", 50.0),    # 3 T-U1 outside (江苏)
    ("S3", "B2", "2025-01", "3443", 40.0),    # 4 T-U2 local
    ("O1", "B2", "2025-01", "1090101", 60.0),  # 5 T-U2 outside (广东), by tax-code prefix 109
    ("S4", "B3", "2025-02", "3443", 30.0),    # 6 T-U2 local
    ("O1", "B3", "2025-02", "1090101", 70.0),  # 7 T-U2 outside
    ("S1", "B3", "2025-02", "3240", 20.0),    # 8 T-U1 local, other city
    ("S5", "B1", "2025-02", "1811", 10.0),    # 9 not a chain input (all-purchases scope only)
    ("S1", "X", "2025-01", "3240", 15.0),     # 10 X is no chain member: not a chain purchase
    ("O2", "S1", "2025-02", "3240", 25.0),    # 11 T-U1 bought by the upstream member S1
]

SEGMENTS = [("T", "T-U1", "材料", "上游", "3240", ""), ("T", "T-U2", "零部件", "上游", "3443", "109"),
            ("T", "T-D1", "整机", "下游", "3511", "")]


def _write(path: Path, header: list[str], rows: list[tuple]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def build(g, folder: Path, placements: list[tuple] | None = None, projects: bool = True) -> None:
    """Import the hand-made province into the workspace ``g`` (files written to ``folder``)."""
    locals_ = [k for k in REGION if k in INDUSTRY]
    g.import_file("enterprises", _write(folder / "ent.csv", ["uscc", "name", "region_code", "industry_code"],
                  [(USCC[k], f"企业{k}（测试）", REGION[k], INDUSTRY[k]) for k in locals_]))
    g.import_file("chains", _write(folder / "chains.csv", ["chain_id", "name", "leader", "leader_title"],
                  [("T", "测试链", "副省长（链长）", "副省长")]))
    g.import_file("segments", _write(
        folder / "segments.csv", ["chain_id", "segment_id", "name", "stage", "industry_codes", "product_codes"],
        SEGMENTS))
    rows = [("T", "T-D1", USCC["B1"], "链主")] + list(placements or [])
    g.import_file("placements", _write(folder / "placements.csv", ["chain_id", "segment_id", "uscc", "role"],
                  [(c, s, USCC.get(u, u), r) for c, s, u, r in rows]))
    g.import_file("transactions", _write(
        folder / "tx.csv", ["销方信用代码", "销方区划代码", "购方信用代码", "购方区划代码", "期间", "金额(万元)", "商品编码"],
        [(USCC[s], REGION[s], USCC[b], REGION[b], m, a, p) for s, b, m, p, a in LINES]))
    if projects:
        g.import_file("projects", _write(
            folder / "projects.csv", ["project_id", "name", "chain_id", "segment_id", "stage",
                                      "expected_output(万元)", "investment(万元)", "signed_date"],
            [("P1", "零部件项目（测试）", "T", "T-U2", "签约", 120, 300, "2025-03-01")]))
