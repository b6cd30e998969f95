"""The evaluations data of the hand-made province: three clusters, and the worked evaluations.

Every shipped rule set reads 单位能耗增加值 (value added / energy use); the energy use is imported with
the statistics of ``province.py`` (its ``ENERGY``):

| key | energy 2025 (吨标准煤) | VA / energy 2025 | energy 2024 | VA / energy 2024 |
| --- | --- | --- | --- | --- |
| A1 | 1 000 | 20 | 800 | 16 000 / 800 = 20 |
| A2 | 1 000 | 10 | 800 | 10 |
| A3 | 440 | 500 / 440 | 352 | 400 / 352 |
| B1 | 400 | 30 | 320 | 30 |
| B2 | 400 | 15 | 400 | 4 800 / 400 = 12 |
| C1 | 200 | 15 | 80 | 2 400 / 80 = 30 |

Clusters (``cluster_members``): K1 长沙工程机械集群（测试） national, 430100: A1 A2 A3; K2 株洲材料集群（测试）
provincial, 430200: B1 B2; K3 岳阳阀门集群（测试） 中小企业特色产业集群, 430600: C1.

**亩均效益-规上工业企业, 2025** (weighted ratio to the population's own ratio, cap 2, scale 100).
Above-scale: A1 A2 B1 B2 C1 (all founded 2010, land ≥ 1 亩: all graded). Benchmarks:
亩均税收 Σtax / Σland = 5 200 / 290 = 17.931; 亩均增加值 51 000 / 290 = 175.862;
单位能耗增加值 51 000 / 3 000 = 17; 全员劳动生产率 51 000 / 500 = 102 万元/人; R&D 2 % for everyone
(rd = revenue / 50), so that term is 15 points each. Points = 30·r₁ + 25·r₂ + 15·r₃ + 15·r₄ + 15:

| key | 亩均税收 r₁ | 亩均增加值 r₂ | 能耗 r₃ | 劳动生产率 r₄ | total | rank | class |
| --- | --- | --- | --- | --- | --- | --- | --- |
| A1 | 20 / 17.931 | 200 / 175.862 | 20 / 17 | 200 / 102 | 33.462 + 28.431 + 17.647 + 29.412 + 15 = 123.952 | 1 | A |
| B1 | 18.75 / 17.931 | 150 / 175.862 | 30 / 17 | 120 / 102 | 31.370 + 21.324 + 26.471 + 17.647 + 15 = 111.811 | 2 | B |
| A2 | 20 / 17.931 | 200 / 175.862 | 10 / 17 | 100 / 102 | 33.462 + 28.431 + 8.824 + 14.706 + 15 = 100.422 | 3 | B |
| B2 | 12.5 / 17.931 | 150 / 175.862 | 15 / 17 | 60 / 102 | 20.913 + 21.324 + 13.235 + 8.824 + 15 = 79.296 | 4 | C |
| C1 | 10 / 17.931 | 150 / 175.862 | 15 / 17 | 30 / 102 | 16.731 + 21.324 + 13.235 + 4.412 + 15 = 70.701 | 5 | D |

Classes by rank percentile r / 5 against the cuts A .20, B .70, C .95, D 1: A1 .2 → A, B1 .4 and
A2 .6 → B, B2 .8 → C, C1 1.0 → D.

**2024**: every figure is 80 % of 2025 (employees 90 instead of 100), so every ratio to its
benchmark is the same except energy: benchmark 40 800 / 2 400 = 17; B2 12 / 17 → 10.588 points,
C1 30 / 17 → 26.471. Totals A1 123.952, B1 111.811, A2 100.422, C1 57.466 + 26.471 = 83.937,
B2 66.061 + 10.588 = 76.649: C1 4th (C), B2 5th (D). **Movement 2024 → 2025**: B2 up D → C, C1 down
C → D, A1 A2 B1 the same.

**亩均效益-规下工业企业**: only A3 is below scale, **亩均效益-园区** and **五好园区**: park PA has one
above-scale enterprise, PB two, both under the 5 the rule sets need — fewer than two alternatives
can be graded, which the API reports as a data-quality error.

**集群竞赛, 2025** (功效系数法 60 + 40·t, weights 营业收入 .20, 增速 .20, R&D .15, 亩均税收 .10,
能耗 .10, 专精特新 .10, 小巨人 .10, 单项冠军 .05). Sums: K1 revenue 81 500, tax 3 050, land 160,
VA 30 500, energy 2 440, 小巨人 1; K2 60 000, 2 000, 120, 18 000, 800, 0; K3 10 000, 200, 20, 3 000,
200, 0. Growth 25 % and R&D 2 % for all, no 专精特新 or 单项冠军: those four indicators are equal
for all (t = 1, Σw = .50). 营业收入 t: K1 1, K2 50 000 / 71 500, K3 0; 亩均税收 (19.0625, 16.667,
10) t: 1, 6.667 / 9.0625, 0; 能耗 (12.5, 22.5, 15) t: 0, 1, .25; 小巨人 t: 1, 0, 0.
K1 60 + 40 × (.5 + .2 + .1 + .1) = 96; K2 60 + 40 × (.5 + .2 × .699301 + .1 × .735632 + .1) = 92.537;
K3 60 + 40 × (.5 + .1 × .25) = 81. Percentile classes A .25, B .75, C 1 with three clusters: K1 1/3
and K2 2/3 → B, K3 → C (no cluster reaches A: 1/3 > .25). 2024 has no 2023 figures, so growth
cannot be computed and no cluster can be graded that year.

**Cluster ladder 2025**: K1 国家级, 3 members (2 above scale), revenue 81 500, VA 30 500, growth
(81 500 / 65 200 − 1) × 100 = 25 %, R&D 1 630 / 81 500 = 2 %, one 小巨人; K2 省级, K3 中小企业特色产业集群.
"""

from __future__ import annotations

from pathlib import Path

CLUSTERS = [("K1", "长沙工程机械集群（测试）", "national", "430100", ("A1", "A2", "A3")),
            ("K2", "株洲材料集群（测试）", "provincial", "430200", ("B1", "B2")),
            ("K3", "岳阳阀门集群（测试）", "sme_featured", "430600", ("C1",))]


def add(g, folder: Path) -> None:
    """Import the clusters of the hand-made province into ``g``."""
    from . import province

    g.import_file("clusters", province.write(folder / "clusters.csv", ["cluster_id", "name", "level", "region_code"],
                                             [c[:4] for c in CLUSTERS]))
    g.import_file("cluster-members", province.write(
        folder / "cluster-members.csv", ["cluster_id", "uscc"],
        [(cid, province.USCC[k]) for cid, _, _, _, members in CLUSTERS for k in members]))
