"""A four-enterprise province (the numbers of tests/indicators/test_definitions.py) with the built-in plan,
its report built once and written in every format.

Enterprises (万元): A 3741 飞机制造 (high-tech) park P1 长沙; B 3612 新能源车整车制造 长沙; C 1311 稻谷加工
park P1 株洲, below scale in 2024; D 0610 煤炭开采 (not manufacturing) 株洲. Hand-computed 2025 figures:
profit margin 52090 ÷ 1001800 = 5.1996 %; high-tech share 300 ÷ 1000 = 30 %; park share 400 ÷ 1000 = 40 %;
advanced share (300 + 400) ÷ 800 = 87.5 %.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib

import pytest

from gaodi.core import Gaodi
from gaodi.reports import build_report, write_report
from tests.indicators.test_definitions import A, B, C, D, STATS

PLAN = "hunan_15th_manufacturing_2026"
DATE = dt.date(2026, 3, 10)


@pytest.fixture(scope="session")
def small(tmp_path_factory):
    """(workspace, {file name: sha256}) of the hand-made province, saved on disk so the CLI can open it."""
    folder = tmp_path_factory.mktemp("reports")
    hashes = {}

    def write(name, rows):
        path = folder / name
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        return path

    g = Gaodi.open(home=folder / "ws")
    g.import_file("parks", write("园区.csv", [["园区代码", "园区名称", "园区级别", "所在县市区代码", "规划面积(亩)"],
                                             ["P1", "测试园区", "省级", "430102", "1000"]]))
    g.import_file("enterprises", write("企业.csv", [
        ["统一社会信用代码", "企业名称", "所在县市区代码", "园区代码", "行业代码"],
        [A, "A", "430102", "P1", "3741"], [B, "B", "430182", "", "3612"],
        [C, "C", "430202", "P1", "1311"], [D, "D", "430202", "", "0610"]]))
    g.import_file("statistics", write("统计.csv", STATS))
    g.import_file("deflators", write("价格指数.csv", [["地区代码", "年份", "口径", "价格指数"],
                                                    ["430000", "2025", "制造业", "98.4"]]))
    g.save_plan(PLAN, "builtin:" + PLAN)
    yield g, hashes
    g.close()


@pytest.fixture(scope="session")
def report(small):
    g, _ = small
    return build_report(g, "monitor", "2025", date=DATE)


@pytest.fixture(scope="session")
def written(report, tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    return {fmt: write_report(report, fmt, folder / f"r.{fmt}") for fmt in ("docx", "pdf", "html", "xlsx")}
