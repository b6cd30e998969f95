"""Weighted ratio to benchmark and min-max with floor, against hand calculations."""

from __future__ import annotations

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import minmax_floor, weighted_ratio_to_benchmark

HUANGYAN_2022_WEIGHTS = {
    "亩均税收": 0.3,
    "亩均增加值": 0.2,
    "单位能耗增加值": 0.2,
    "单位排放增加值": 0.1,
    "全员劳动生产率": 0.1,
    "研发经费占比": 0.1,
}
HUANGYAN_2022_BENCHMARKS = {
    "亩均税收": 26.01,
    "亩均增加值": 132.27,
    "单位能耗增加值": 2.54,
    "单位排放增加值": 4861.08,
    "全员劳动生产率": 17.45,
    "研发经费占比": 0.0305,
}


def _enterprise() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "亩均税收": [52.02],
            "亩均增加值": [132.27],
            "单位能耗增加值": [1.27],
            "单位排放增加值": [4861.08],
            "全员劳动生产率": [8.725],
            "研发经费占比": [0.0305],
        },
        index=["示例企业"],
    )


def test_weighted_ratio_follows_the_published_huangyan_2022_formula():
    """台州市黄岩区《工业企业综合评价得分计算说明》(2022 年度评价):
    规上企业得分 = 亩均税收÷26.01×30 + 亩均增加值÷132.27×20 + 单位能耗增加值÷2.54×20
    + 单位排放增加值÷4861.08×10 + 全员劳动生产率÷17.45×10 + R&D经费占比÷0.0305×10.
    Hand calculation for an invented enterprise at twice the 亩均税收 benchmark,
    half the energy and labour productivity benchmarks and exactly at the others:
    2×30 + 1×20 + (1/2)×20 + 1×10 + (1/2)×10 + 1×10 = 60 + 20 + 10 + 10 + 5 + 10 = 115."""
    result = weighted_ratio_to_benchmark(
        _enterprise(), HUANGYAN_2022_WEIGHTS, HUANGYAN_2022_BENCHMARKS
    )
    only = result.alternatives[0]
    assert only.total == pytest.approx(115.0)
    assert only.contributions == pytest.approx(
        {
            "亩均税收": 60.0,
            "亩均增加值": 20.0,
            "单位能耗增加值": 10.0,
            "单位排放增加值": 10.0,
            "全员劳动生产率": 5.0,
            "研发经费占比": 10.0,
        }
    )


def test_weighted_ratio_cap_limits_one_indicator_and_is_noted():
    """Same enterprise, every ratio capped at 1.5: 亩均税收 gives 1.5×30 = 45, not 60; total 100."""
    result = weighted_ratio_to_benchmark(
        _enterprise(), HUANGYAN_2022_WEIGHTS, HUANGYAN_2022_BENCHMARKS, caps=1.5
    )
    assert result.alternatives[0].total == pytest.approx(100.0)
    assert result.alternatives[0].contributions["亩均税收"] == pytest.approx(45.0)
    assert "亩均税收" in result.notes[0]
    assert result.parameters["caps"]["亩均税收"] == 1.5


def test_weighted_ratio_uses_benchmark_over_value_for_lower_is_better():
    """Hand calculation: 单位增加值能耗 benchmark 0.5 吨标准煤/万元, weight 1, scale 100.
    x = 0.4 → 0.5/0.4 = 5/4 → 125; x = 1.0 → 1/2 → 50;
    x = 0 → infinite ratio, capped at 1.2 → 120."""
    x = pd.DataFrame({"单位增加值能耗": [0.4, 1.0, 0.0]}, index=["a", "b", "c"])
    result = weighted_ratio_to_benchmark(
        x,
        {"单位增加值能耗": 1.0},
        {"单位增加值能耗": 0.5},
        directions={"单位增加值能耗": "-"},
        caps={"单位增加值能耗": 1.2},
    )
    assert result.totals.tolist() == pytest.approx([120.0, 50.0, 120.0])
    assert result.ranks.tolist() == [1, 3, 1]


def test_weighted_ratio_refuses_zero_on_lower_is_better_without_cap():
    x = pd.DataFrame({"能耗": [0.0, 1.0]})
    with pytest.raises(InputError, match="封顶"):
        weighted_ratio_to_benchmark(x, {"能耗": 1.0}, {"能耗": 0.5}, directions={"能耗": "-"})


def test_weighted_ratio_raises_negative_ratios_to_the_lower_bound():
    x = pd.DataFrame({"亩均税收": [-5.0, 10.0]})
    result = weighted_ratio_to_benchmark(x, {"亩均税收": 1.0}, {"亩均税收": 10.0})
    assert result.totals.tolist() == [0.0, 100.0]


@pytest.mark.parametrize(
    "benchmarks, words",
    [
        ({"亩均税收": 0.0}, "正数"),
        ({}, "基准值"),
        ({"亩均税收": 1.0, "不存在": 2.0}, "不在指标中"),
    ],
)
def test_weighted_ratio_rejects_bad_benchmarks(benchmarks, words):
    with pytest.raises(InputError, match=words):
        weighted_ratio_to_benchmark(
            pd.DataFrame({"亩均税收": [1.0]}), {"亩均税收": 1.0}, benchmarks
        )


def test_minmax_floor_matches_hand_calculation():
    """Hand calculation, floor 20, span 80. a = (10, 20, 30), "+", w = 3/5: t = (0, 1/2, 1).
    b = (5, 1, 3), "-", w = 2/5: t = ((5−5)/4, (5−1)/4, (5−3)/4) = (0, 1, 1/2).
    S_1 = 3/5·20 + 2/5·20 = 20; S_2 = 3/5·60 + 2/5·100 = 36 + 40 = 76;
    S_3 = 3/5·100 + 2/5·60 = 60 + 24 = 84."""
    x = pd.DataFrame({"a": [10, 20, 30], "b": [5, 1, 3]}, index=["p1", "p2", "p3"])
    result = minmax_floor(x, {"a": 0.6, "b": 0.4}, {"b": "-"})
    assert result.totals.tolist() == pytest.approx([20.0, 76.0, 84.0])
    assert result.ranks.tolist() == [3, 2, 1]
    p2 = next(a for a in result.alternatives if a.id == "p2")
    assert p2.contributions == pytest.approx({"a": 36.0, "b": 40.0})
    assert result.parameters["floor"] == 20.0 and result.parameters["span"] == 80.0


def test_minmax_floor_scores_a_constant_indicator_in_full_and_notes_it():
    x = pd.DataFrame({"a": [1, 2], "flat": [7, 7]})
    result = minmax_floor(x, {"a": 0.5, "flat": 0.5}, floor=0, span=100)
    assert result.totals.tolist() == pytest.approx([50.0, 100.0])
    assert "flat" in result.notes[0]


def test_minmax_floor_rejects_weights_that_do_not_sum_to_one():
    with pytest.raises(InputError) as info:
        minmax_floor(pd.DataFrame({"a": [1, 2], "b": [1, 2]}), {"a": 0.5, "b": 0.3})
    assert info.value.details["sum"] == pytest.approx(0.8)


def test_minmax_floor_rejects_an_unknown_direction_word():
    with pytest.raises(InputError, match="方向"):
        minmax_floor(pd.DataFrame({"a": [1, 2]}), {"a": 1.0}, {"a": "up"})
