"""A hand-made store for the enterprise-services tests: three enterprises, two years, a few titles.

Every figure is chosen so that the attribute table can be checked by hand (see test_attributes_from_store).
Credit codes carry the GB 32100-2015 check digit (gaodi.demo.population.make_uscc).
"""

from __future__ import annotations

import csv
from pathlib import Path

from gaodi.core import Gaodi
from gaodi.demo.population import make_uscc

A = make_uscc("430102", 41)  # 长沙 芙蓉区, 化学药品原料药制造 2710
B = make_uscc("430182", 42)  # 长沙 宁乡市, 3612
C = make_uscc("430202", 43)  # 株洲 荷塘区, 3741, no statistics in 2024

FILES = {
    "parks": [["园区代码", "园区名称", "园区级别", "所在县市区代码"],
              ["PK1", "宁乡经济技术开发区（测试）", "国家级", "430182"]],
    "enterprises": [["统一社会信用代码", "企业名称", "所在县市区代码", "园区代码", "行业代码", "成立年份"],
                    [A, "甲药业（测试）", "430102", "", "2710", "2020"],
                    [B, "乙装备（测试）", "430182", "PK1", "3612", "2005"],
                    [C, "丙轨道（测试）", "430202", "", "3741", "1998"]],
    "statistics": [["统一社会信用代码", "统计期", "是否规上", "营业收入(万元)", "研发经费(万元)", "从业人员", "投资(万元)"],
                   [A, "2025", "是", "2500", "100", "80", "600"],
                   [B, "2025", "是", "50000", "2000", "1200", "3000"],
                   [C, "2025", "否", "250", "", "15", ""],
                   [A, "2024", "否", "1800", "60", "70", "100"],
                   [B, "2024", "是", "40000", "1500", "1250", "2000"]],
    "titles": [["统一社会信用代码", "称号", "等级", "认定年份", "有效期至"],
               [A, "高新技术企业", "", "2023", "2025"],
               [B, "专精特新小巨人", "国家级", "2024", ""],
               [B, "智能工厂", "先进级", "2025", ""],
               [B, "绿色工厂", "省级", "2022", ""],
               [C, "专精特新中小企业", "省级", "2026", "2028"]],
}


def write(folder: Path, name: str, rows: list[list]) -> Path:
    path = folder / f"{name}.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def build(folder: Path, *, in_memory: bool = True) -> Gaodi:
    """A workspace at ``folder`` holding the hand-made enterprises (in memory unless asked)."""
    g = Gaodi.open(home=folder / "ws", in_memory=in_memory)
    for kind, rows in FILES.items():
        g.import_file(kind, write(folder, kind, rows))
    return g
