"""亩均, 五好园区 and clusters by their texts: main pollutants, Zhejiang's six indicators, park 摘牌,
the clusters' own three-year rule.

Documents: 浙政发〔2018〕5号 (six indicators; 单位排放增加值 = 工业增加值 / 主要污染物排放量);
台州市黄岩区《工业企业综合评价得分计算说明》(2021年度) for the weights 30/20/20/10/10/10; Hunan
“五好”园区 (三湘都市报 2021-06-08: 连续2年排名后5位将被摘牌); 《促进中小企业特色产业集群发展暂行
办法》(工信部企业〔2022〕119号: 认定有效期三年, 期满复核; the 2022年度 batch valid 2023–2025).
"""

from __future__ import annotations

import csv
from types import SimpleNamespace

import numpy as np
import pyarrow as pa
import pytest
from evaluation_store import build

from gaodi.core import Gaodi
from gaodi.demo.population import make_uscc
from gaodi.errors import ValidationFailed
from gaodi.evaluation.cluster_ladder import cluster_ladder, validity
from gaodi.evaluation.definitions import CATALOGUE
from gaodi.evaluation.dynamic import dynamic_management
from gaodi.evaluation.ruleset import DynamicRules, list_rulesets
from gaodi.evaluation.store_data import subject_frame


@pytest.fixture(scope="module")
def store():
    """The evaluation store plus emissions in 2025: E1 COD 1.5 + 氨氮 0.5 + SO2 2 + NOx 4 = 8 t;
    E2 COD 2 only (the others not reported: 2 t); E3 none; E1 2024: 10 t."""
    g = build()
    g.store.insert_arrow("pollutant_emissions", pa.Table.from_pylist([
        {"uscc": "E1", "year": 2025, "cod_t": 1.5, "ammonia_n_t": 0.5, "so2_t": 2.0, "nox_t": 4.0},
        {"uscc": "E2", "year": 2025, "cod_t": 2.0, "ammonia_n_t": None, "so2_t": None, "nox_t": None},
        {"uscc": "E1", "year": 2024, "cod_t": 2.5, "ammonia_n_t": 0.5, "so2_t": 3.0, "nox_t": 4.0},
    ]))
    yield g.store
    g.close()


def test_emission_value_added_is_per_tonne_of_the_four_main_pollutants(store):
    """E1: VA 400 / 8 t = 50 万元/吨; E2: 200 / 2 = 100; E3 (nothing reported) has no value."""
    frame = subject_frame(store, "enterprises", 2025, {"above_scale": True})
    assert frame.loc["E1", "pollutants_t"] == pytest.approx(8.0)
    assert frame.loc["E1", "prev_pollutants_t"] == pytest.approx(10.0)
    values = CATALOGUE["单位排放增加值"].compute(frame)
    assert values["E1"] == pytest.approx(50.0) and values["E2"] == pytest.approx(100.0)
    assert np.isnan(values["E3"])
    assert CATALOGUE["单位排放增加值"].unit == "万元/吨"
    assert CATALOGUE["单位碳排放增加值"].denominator == "carbon_t"


def test_park_emissions_are_member_sums(store):
    """P1 = E1 + E2: 8 + 2 = 10 t; VA 600 → 60 万元/吨."""
    frame = subject_frame(store, "parks", 2025, {"above_scale": True})
    assert frame.loc["P1", "pollutants_t"] == pytest.approx(10.0)
    assert CATALOGUE["单位排放增加值"].compute(frame)["P1"] == pytest.approx(60.0)


def test_zhejiang_six_indicator_rule_set_with_huangyan_weights():
    sets = {r.name: r for r in list_rulesets()}
    zj = sets["亩均效益-规上工业企业-浙江六项"]
    weights = {k: v for k, v in zj.scoring.weights.items()}
    assert weights == pytest.approx({"亩均税收": 0.30, "亩均增加值": 0.20, "单位能耗增加值": 0.20,
                                     "单位排放增加值": 0.10, "全员劳动生产率": 0.10,
                                     "研发经费投入强度": 0.10})
    assert zj.definitions["单位排放增加值"].denominator == "pollutants_t"


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_pollutant_import_converts_units_and_refuses_bad_rows_leaving_the_store_unchanged(tmp_path):
    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    try:
        a, b = make_uscc("430102", 1), make_uscc("430102", 2)
        g.store.insert_arrow("enterprises", pa.Table.from_pylist([
            {"uscc": u, "name": f"企业{k}", "region_code": "430102", "industry_code": "3911"}
            for k, u in enumerate((a, b))]))
        header = ["统一社会信用代码", "年份", "化学需氧量(吨)", "氨氮(吨)", "二氧化硫排放量(千克)",
                  "氮氧化物(吨)", "来源"]
        good = _write(tmp_path / "good.csv", [header, [a, 2025, 1.5, 0.5, 2000, 4, "排污许可执行报告"]])
        result = g.import_file("pollutants", good)
        assert (result.outcome, result.rows_imported) == ("ok", 1)
        stored = g.store.execute(g.store.table("pollutant_emissions")).iloc[0]
        assert (stored.cod_t, stored.so2_t, stored.nox_t) == (1.5, 2.0, 4.0)  # 2000 千克 = 2 吨
        bad = _write(tmp_path / "bad.csv", [header, [b, 2025, -1, 0, 0, 0, ""],
                                            [b, 2024, "", "", "", "", ""]])
        with pytest.raises(ValidationFailed) as caught:
            g.import_file("pollutants", bad)
        assert caught.value.details["rows_invalid"] == 2
        assert {p["column"] for p in caught.value.details["first_problems"]} == {"化学需氧量(吨)"}
        assert len(g.store.execute(g.store.table("pollutant_emissions"))) == 1
    finally:
        g.close()


def _runs(ranks_by_year: dict[int, dict[str, int]]):
    return [SimpleNamespace(year=y, ruleset={"name": "五好园区"},
                            graded=[SimpleNamespace(id=i, rank=r) for i, r in ranks.items()],
                            items=[SimpleNamespace(id=i, name=i) for i in ranks])
            for y, ranks in ranks_by_year.items()]


@pytest.mark.parametrize("rank_2024, rank_2025, expected", [
    (6, 6, "loss_of_status"),   # bottom 5 of 10 both years (rank > 10 − 5) → 摘牌
    (5, 6, "warning"),          # 2024 just outside the bottom 5 → warned only
    (6, 5, "same"),             # 2025 just outside → no measure
    (10, 10, "loss_of_status"),
])
def test_five_good_parks_lose_the_title_after_two_years_in_the_bottom_five(rank_2024, rank_2025,
                                                                           expected):
    rules = {r.name: r for r in list_rulesets()}["五好园区"].dynamic
    assert rules == DynamicRules(warning_bottom=5, loss_bottom=5, loss_consecutive_years=2)
    others = [f"X{k}" for k in range(9)]

    def ranks(mine):
        free = [r for r in range(1, 11) if r != mine]
        return {"P": mine, **dict(zip(others, free))}

    verdict = {v.id: v for v in dynamic_management(_runs({2024: ranks(rank_2024),
                                                          2025: ranks(rank_2025)}), rules)}["P"]
    assert verdict.status == (expected if expected != "same" or rank_2024 == rank_2025 else "up")


def test_cluster_race_no_longer_strips_titles():
    """连续2年后5位 is Hunan's park rule; the 集群竞赛 ranking only warns (demo)."""
    rules = {r.name: r for r in list_rulesets()}["集群竞赛"].dynamic
    assert rules.loss_bottom is None and rules.warning_bottom == 5


@pytest.mark.parametrize("year, expected", [
    (2022, "valid"), (2024, "valid"), (2025, "review_due"), (2026, "lapsed")])
def test_sme_featured_clusters_are_recognised_for_three_years_then_reviewed(year, expected):
    """2022年度 batch: valid 2023–2025 (工信部 2022年度名单通告), 复核 in 2025 (工信厅企业函〔2025〕77号)."""
    assert validity("sme_featured", 2022, year) == (2023, 2025, expected)


def test_cluster_ladder_shows_the_validity_of_each_recognition(store):
    rows = {c.cluster_id: c for c in cluster_ladder(store, 2025)}
    assert (rows["C2"].valid_from, rows["C2"].valid_to, rows["C2"].validity) == (2023, 2025, "review_due")
    assert rows["C2"].validity_name == "期满复核年"
    assert rows["C1"].validity is None  # 省级 clusters: no validity rule in the texts available
    assert validity("provincial", 2020, 2025) == (None, None, None)
