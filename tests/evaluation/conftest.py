"""Small input files for the evaluation tests: a park table, a rule file, a pairwise matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

PARKS_CSV = """园区,亩均税收,亩均增加值,单位能耗增加值,研发强度
甲园区,30.5,150,2.8,0.031
乙园区,18.2,120,1.9,0.025
丙园区,"1,026.0",200,3.5,0.040
丁园区,12.0,80,2.6,0.012
戊园区,25.0,140,2.2,0.028
"""

RULES_YAML = """name: 示例县亩均效益评价
version: "2024"
method: weighted
id_column: 园区
cap: 1.5
indicators:
  亩均税收: {direction: "+", weight: 0.4, benchmark: 26.01}
  亩均增加值: {weight: 0.3, benchmark: 132.27}
  单位能耗增加值: {weight: 0.2, benchmark: 2.54}
  研发强度: {weight: 0.1, benchmark: 0.0305, cap: 2}
classes:
  kind: thresholds
  bounds:
    A: [110, null]
    B: [90, 110]
    C: [70, 90]
    D: [null, 70]
"""

PAIRWISE_CSV = """指标,亩均税收,亩均增加值,单位能耗增加值,研发强度
亩均税收,1,2,3,4
亩均增加值,1/2,1,2,3
单位能耗增加值,1/3,1/2,1,2
研发强度,1/4,1/3,1/2,1
"""


@pytest.fixture
def parks_csv(tmp_path: Path) -> Path:
    path = tmp_path / "parks.csv"
    path.write_text(PARKS_CSV, encoding="utf-8")
    return path


@pytest.fixture
def rules_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES_YAML, encoding="utf-8")
    return path


@pytest.fixture
def pairwise_csv(tmp_path: Path) -> Path:
    path = tmp_path / "pairwise.csv"
    path.write_text(PAIRWISE_CSV, encoding="utf-8")
    return path
