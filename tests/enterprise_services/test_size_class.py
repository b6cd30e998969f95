"""Size classes by sector, 《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号), at every threshold.

For each sector and each indicator, a value just below, at and just above each lower limit (大型, 中型,
小型), with the sector's other indicators set high enough not to decide the class: at a limit the class
is reached ("≥"), just below it drops one class. The limits are those of the 办法's 附表, repeated here
by hand so that a wrong entry in the module fails.
"""

from __future__ import annotations

import ibis
import pandas as pd
import pytest

from gaodi.catalogs.size_class import (
    SECTORS,
    is_sme,
    sector_of,
    size_class,
    size_class_expr,
    size_classes,
)

#: sector: (a GB/T 4754-2017 class in it, {indicator: (大型, 中型, 小型)}) from the 办法's 附表
TABLE = {
    "agriculture": ("0111", {"revenue": (20000, 500, 50)}),
    "industry": ("3741", {"employees": (1000, 300, 20), "revenue": (40000, 2000, 300)}),
    "construction": ("4811", {"revenue": (80000, 6000, 300), "assets": (80000, 5000, 300)}),
    "wholesale": ("5171", {"employees": (200, 20, 5), "revenue": (40000, 5000, 1000)}),
    "retail": ("5211", {"employees": (300, 50, 10), "revenue": (20000, 500, 100)}),
    "transport": ("5431", {"employees": (1000, 300, 20), "revenue": (30000, 3000, 200)}),
    "warehousing": ("5920", {"employees": (200, 100, 20), "revenue": (30000, 1000, 100)}),
    "post": ("6010", {"employees": (1000, 300, 20), "revenue": (30000, 2000, 100)}),
    "accommodation": ("6110", {"employees": (300, 100, 10), "revenue": (10000, 2000, 100)}),
    "catering": ("6210", {"employees": (300, 100, 10), "revenue": (10000, 2000, 100)}),
    "information_transmission": ("6311", {"employees": (2000, 100, 10), "revenue": (100000, 1000, 100)}),
    "software": ("6511", {"employees": (300, 100, 10), "revenue": (10000, 1000, 50)}),
    "real_estate_development": ("7010", {"revenue": (200000, 1000, 100), "assets": (10000, 5000, 2000)}),
    "property_management": ("7020", {"employees": (1000, 300, 100), "revenue": (5000, 1000, 500)}),
    "leasing_business": ("7211", {"employees": (300, 100, 10), "assets": (120000, 8000, 100)}),
    "other": ("7310", {"employees": (300, 100, 10)}),
}
CLASSES = ("大型", "中型", "小型", "微型")


def _cases():
    for sector, (code, limits) in TABLE.items():
        high = {name: lims[0] * 10 for name, lims in limits.items()}
        for name, lims in limits.items():
            for rank, limit in enumerate(lims):
                step = 1 if name == "employees" else 0.01
                for value, expected in ((limit - step, CLASSES[rank + 1]), (limit, CLASSES[rank]),
                                        (limit + step, CLASSES[rank])):
                    yield pytest.param(code, {**high, name: value}, expected,
                                       id=f"{sector}-{name}-{value}")


@pytest.mark.parametrize(("code", "values", "expected"), list(_cases()))
def test_each_lower_limit_is_reached_at_the_limit_and_missed_just_below(code, values, expected):
    assert size_class(code, **values).size_class == expected


def test_every_sector_of_the_method_is_tested():
    assert set(TABLE) == set(SECTORS)
    for sector, (code, limits) in TABLE.items():
        assert sector_of(code).id == sector
        assert {name: tuple(lims) for name, *lims in SECTORS[sector].limits} == limits


def test_a_software_firm_is_classed_by_the_software_limits_not_the_industrial_ones():
    """软件和信息技术服务业 300人/10000万: 500 people but 8000万 → 中型; 350 people and 12000万 → 大型, not a
    中小企业, where the industrial limits (1000人/40000万), applied to every sector until 2026-12, said 中型."""
    assert size_class("6511", employees=500, revenue=8000).size_class == "中型"
    assert size_class("6511", employees=350, revenue=12000).size_class == "大型"
    assert size_class("3741", employees=350, revenue=12000).size_class == "中型"
    assert is_sme("6511", employees=350, revenue=12000) is False
    assert is_sme("3741", employees=350, revenue=12000) is True


def test_both_limits_are_needed_else_the_class_drops_one_step_and_micro_needs_only_one():
    assert size_class("3741", employees=1000, revenue=39999).size_class == "中型"
    assert size_class("3741", employees=19, revenue=50000).size_class == "微型"
    assert size_class("3741", employees=5000, revenue=299).size_class == "微型"


def test_missing_figures_decide_only_what_the_known_ones_settle():
    assert size_class("3741", employees=None, revenue=100).size_class == "微型"
    undecided = size_class("3741", employees=None, revenue=5000)
    assert undecided.size_class is None and "从业人员" in undecided.reason
    assert is_sme("3741", employees=None, revenue=5000) is True  # below the 大型 revenue limit: not 大型
    assert is_sme("3741", employees=None, revenue=50000) is None
    assert size_class("4811", revenue=100000).size_class is None  # 建筑业 needs 资产总额 too


def test_sectors_outside_the_method_and_the_special_subdivisions():
    assert size_class("5310", employees=10, revenue=10).size_class is None  # 铁路运输业 excluded
    assert "不在" in size_class("6620", employees=10).reason  # 金融业
    assert sector_of("7040") is None  # 自有房地产经营活动
    assert sector_of("5910").id == "transport"  # 装卸搬运 is 交通运输业, not 仓储业
    assert sector_of("7030").id == "other" and sector_of("8510").id == "other" and sector_of("8411") is None


def test_the_ibis_expression_and_the_series_give_the_python_result():
    rows = pd.DataFrame({
        "code": ["3741", "3741", "3741", "6511", "6511", "5171", "7310", "4811", "4811", "5310", "3741"],
        "employees": [1000, 999, None, 350, 9, 4, 150, None, None, 10, 20],
        "revenue": [40000, 40000, 100, 12000, 5000, 100000, None, 100, 90000, 10, 300],
    })
    expected = [size_class(c, e if pd.notna(e) else None, r if pd.notna(r) else None).size_class
                for c, e, r in rows.itertuples(index=False)]
    assert expected == ["大型", "中型", "微型", "大型", "微型", "微型", "中型", "微型", None, None, "小型"]
    assert size_classes(rows["code"], rows["employees"], rows["revenue"]).tolist() == expected
    t = ibis.memtable(rows)
    got = ibis.duckdb.connect().execute(t.select(k=size_class_expr(t.code, t.employees, t.revenue)))["k"]
    assert [None if pd.isna(v) else v for v in got] == expected
