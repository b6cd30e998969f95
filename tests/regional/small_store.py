"""A three-enterprise store for the map and report tests (figures worked in tests/regional/test_maps.py).

A 430102 芙蓉区 (长沙) class 3741, B 430182 宁乡市 (长沙) 3742, C 430202 荷塘区 (株洲) 3612; 2025 工业增加值
10, 5 and 7 万元, all above scale.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gaodi.core import Gaodi
from tests.foundation.samples import make_uscc

A, B, C = make_uscc("430102", 1), make_uscc("430182", 2), make_uscc("430202", 3)


def write(path: Path, rows: list) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def three_firms(folder: Path, in_memory: bool = True) -> Gaodi:
    """A workspace under ``folder`` (in memory unless asked) holding the three enterprises and their 2025 statistics."""
    g = Gaodi.open(home=folder, in_memory=in_memory)
    g.import_file("enterprises", write(folder / "e.csv", [
        ["统一社会信用代码", "企业名称", "所在县市区代码", "行业代码"],
        [A, "A", "430102", "3741"], [B, "B", "430182", "3742"], [C, "C", "430202", "3612"]]))
    g.import_file("statistics", write(folder / "s.csv", [
        ["统一社会信用代码", "统计期", "是否规上", "工业增加值(万元)"],
        [A, "2025", "是", "10"], [B, "2025", "是", "5"], [C, "2025", "是", "7"]]))
    return g
