"""The chains data of the hand-made province: invoices, a chain master, a missing link, projects, chain V.

Added to chain T 测试链 (segments T-U1 材料 3240 上游 and T-D1 整机 3511 下游 of ``province.py``):

- leader 王链长（测试）, 副省长 (a re-import of the chains row);
- segment T-M1 部件 中游, defined only by the product-code prefix 10901 (no industry class, so no local
  enterprise is placed in it and chain T's members stay A3 B1 B2 C1);
- B1 placed by hand in T-D1 as 链主 (chain master);
- chain V 验证链 with segment V-U1 飞机 (3741, so A1 is its member): a second chain outside the chain
  office's scope;
- projects P1 (T-M1, 开工, 株洲 430202 park PB, expected output 480 万元/yr) and P2 (T-U1, 签约, 长沙
  430104 park PA, 240 万元/yr);
- the invoices below (万元, 2025; outside sellers X1…X6 exist only as sellers).

| line | seller (region) | buyer | product | month | 万元 | input segment of T |
| --- | --- | --- | --- | --- | --- | --- |
| L1 | B2 (株洲) | A3 (长沙) | 3240 | 03 | 100 | T-U1 |
| L2 | B2 (株洲) | B1 (株洲) | 3240 | 03 | 300 | T-U1 |
| L3 | C1 (岳阳) | B1 | 3240 | 06 | 50 | T-U1 |
| L4 | X1 (广东 深圳 440304) | B1 | 3240 | 03 | 200 | T-U1 |
| L5 | X4 (广东 广州 440106) | A3 | 3240 | 06 | 100 | T-U1 |
| L6 | X5 (广东 佛山 440604) | C1 | 3240 | 06 | 150 | T-U1 |
| L7 | X2 (江苏 苏州 320505) | C1 | 3240 | 06 | 100 | T-U1 |
| L8 | X3 (上海 浦东 310115) | B1 | 109010101 | 06 | 350 | T-M1 (prefix 10901) |
| L9 | B1 (株洲) | C1 | 3511 | 06 | 150 | T-D1 |
| L10 | X6 (湖北 武汉 420106) | A3 | 304010101 | 06 | 100 | none (``_other``) |
| L11 | A2 (长沙) | B1 | 1811 | 03 | 400 | none (``_other``) |
| L12 | A2 (长沙) | A1 (长沙) | 3741 | 06 | 80 | (chain V: V-U1) |

Worked figures, chain T, 2025, chain-input scope (L1–L9), minimum 3 enterprises (buyers) per cell:

- T-U1 材料: purchases 1 000, local (B2, C1) 100+300+50 = 450 → 本省配套率 45 %; same city (L2, B2→B1
  both 株洲) 300 → 本市配套率 30 %; leakage 550; buyers A3 B1 C1 = 3 (shown); suppliers B2 C1 X1 X4 X5
  X2 = 6, local 2 → 本省供应商占比 (count weight) 1/3.
- T-M1 部件: 350, 1 buyer (B1) → suppressed (primary). T-D1 整机: 150, 1 buyer (C1) → suppressed.
  Two cells hidden in the group of the total, so T-U1 stays shown and neither can be subtracted back.
- chain total: purchases 1 500, local 450 + 150 = 600 → 40 %, leakage 900, same city 300 → 20 %,
  buyers 3, suppliers 8 of which local 3 (B2 C1 B1) → 37.5 %.
- by month: 03 (L1 L2 L4) has 2 buyers → primary; 06 has 3 buyers but would be total − 03, so it is
  suppressed too (secondary); the year's total is shown.
- by city (buyer's city): 长沙 A3, 株洲 B1, 岳阳 C1 — one buyer each, all suppressed; total shown.
- all purchases (L1–L11): 2 000, local 600 + 400 (L11) = 1 000 → 50 %; ``_other`` 500 (2 buyers) hidden.
- leakage by supplier province: 广东 440000 = 200 + 100 + 150 = 450 (3 sellers, 3 buyers; share 50 %);
  江苏 100 and 上海 350 have one seller each → suppressed; total 900.
- gaps: T-U1 弱链 (2 local suppliers; HHI = .4² + .05² + .2² + .1² + .15² + .1² = 0.245),
  T-M1 缺链 (no local enterprise placed, no local supplier; B1 single-sourced from X3, outside),
  T-D1 弱链 (1 local supplier; C1 single-sourced from B1).
- targets: 1 T-M1 (缺链), 2 T-U1 (弱链, 外流 550); T-D1 has no leakage and is no target.
  Outside suppliers of T-U1 by sales into the chain: X1 200, X5 150, then X2 and X4 (100 each; the
  smaller credit code first).
- master B1: chain-input purchases L2 L3 L4 L8 = 900, local 350; local suppliers B2 C1 = 2, both
  anchored (B1 is their largest chain buyer). One master < 3: the masters' amounts are suppressed.
- projects, period 2025 (12 months): P2 replaces min(240, 550) = 240 of T-U1's leakage → T-U1
  (450 + 240) / 1 000 = 69 %, chain (600 + 240) / 1 500 = 56 %. P1's segment T-M1 is suppressed, so
  its what-if rates (and those of all projects together) are suppressed too.
- chain map: node T-U1 1 000 at 45 %, T-M1 and T-D1 suppressed; buyers' home segments A3 B1 → T-D1,
  B2 C1 → T-U1; edges T-U1→T-D1 750 (2 buyers), T-U1→T-U1 250, T-M1→T-D1 350, T-D1→T-U1 150 (1
  buyer each): all suppressed.
- chain V: one buyer (A1): its rate is suppressed.
"""

from __future__ import annotations

from pathlib import Path

from gaodi.demo.population import make_uscc

SUPPLIERS = {"X1": "440304", "X2": "320505", "X3": "310115", "X4": "440106", "X5": "440604", "X6": "420106"}
OUTSIDE = {k: make_uscc(region, 900 + i) for i, (k, region) in enumerate(SUPPLIERS.items())}
LINES = [  # seller, buyer, product code, month, 万元
    ("B2", "A3", "3240", "2025-03", 100), ("B2", "B1", "3240", "2025-03", 300),
    ("C1", "B1", "3240", "2025-06", 50), ("X1", "B1", "3240", "2025-03", 200),
    ("X4", "A3", "3240", "2025-06", 100), ("X5", "C1", "3240", "2025-06", 150),
    ("X2", "C1", "3240", "2025-06", 100), ("X3", "B1", "109010101", "2025-06", 350),
    ("B1", "C1", "3511", "2025-06", 150), ("X6", "A3", "304010101", "2025-06", 100),
    ("A2", "B1", "1811", "2025-03", 400), ("A2", "A1", "3741", "2025-06", 80),
]


def add(g, folder: Path) -> None:
    """Import the chains data of the hand-made province into ``g``."""
    from . import province

    def who(key: str) -> tuple[str, str]:
        if key in OUTSIDE:
            return OUTSIDE[key], SUPPLIERS[key]
        return province.USCC[key], province.FIRMS[key][0]

    write = province.write
    g.import_file("chains", write(folder / "chains-leaders.csv", ["chain_id", "name", "leader", "leader_title"],
                                  [("T", "测试链", "王链长（测试）", "副省长"), ("V", "验证链", "", "")]))
    g.import_file("segments", write(
        folder / "seg-more.csv", ["chain_id", "segment_id", "name", "stage", "industry_codes", "product_codes"],
        [("T", "T-M1", "部件", "中游", "", "10901"), ("V", "V-U1", "飞机", "上游", "3741", "")]))
    g.import_file("placements", write(folder / "pl-master.csv", ["chain_id", "segment_id", "uscc", "role"],
                                      [("T", "T-D1", province.USCC["B1"], "链主")]))
    rows = [(*who(s), *who(b), month, amount, product) for s, b, product, month, amount in LINES]
    g.import_file("transactions", write(
        folder / "tx-2025.csv", ["seller_uscc", "seller_region", "buyer_uscc", "buyer_region", "period",
                                 "amount(万元)", "product_code"], rows))
    g.import_file("projects", write(
        folder / "projects.csv", ["project_id", "name", "chain_id", "segment_id", "uscc", "region_code", "park_id",
                                  "stage", "investment(万元)", "expected_output(万元)", "signed_date"],
        [("P1", "部件项目（测试）", "T", "T-M1", province.USCC["B2"], "430202", "PB", "开工", 5000, 480, "2025-02-01"),
         ("P2", "材料扩产项目（测试）", "T", "T-U1", province.USCC["A3"], "430104", "PA", "签约", 2000, 240,
          "2025-05-01")]))
