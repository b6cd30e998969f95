"""The regional measures read the store: value added summed by city and 2-digit industry."""

from __future__ import annotations

import csv

import pytest

from gaodi.core import Gaodi
from gaodi.errors import DataQualityError
from gaodi.regional.store_table import long_table_from_store
from tests.foundation.samples import make_uscc

A, B, C = make_uscc("430102", 1), make_uscc("430182", 2), make_uscc("430202", 3)


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_store_long_table_sums_by_city_and_industry_digits(tmp_path):
    g = Gaodi.open(home=tmp_path, in_memory=True)
    with pytest.raises(DataQualityError):
        long_table_from_store(g.store)
    g.import_file("enterprises", write(tmp_path / "e.csv", [
        ["统一社会信用代码", "企业名称", "所在县市区代码", "行业代码"],
        [A, "A", "430102", "3741"], [B, "B", "430182", "3742"], [C, "C", "430202", "3612"]]))
    g.import_file("statistics", write(tmp_path / "s.csv", [
        ["统一社会信用代码", "统计期", "是否规上", "工业增加值(万元)"],
        [A, "2025", "是", "10"], [B, "2025", "是", "5"], [C, "2025", "是", "7"], [C, "2025-06", "是", "3"]]))
    t = long_table_from_store(g.store, level="city", digits=2)
    got = {(r.region, r.industry): r.value for r in t.itertuples()}
    # 长沙 (430102 and 430182 are both in 430100): 37 = 10 + 5; 株洲: 36 = 7; the monthly row is left out
    assert got == {("430100", "37"): 15.0, ("430200", "36"): 7.0}
    county = long_table_from_store(g.store, level="county", digits=4)
    assert len(county) == 3 and set(county.year) == {"2025"}
