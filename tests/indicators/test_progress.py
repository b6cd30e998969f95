"""Progress, required rates, forecasts and the status rules, against calculations written out by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gaodi.monitor import progress as pr

AT_LEAST_16_5 = pr.Goal(">=", 16.5, None, None, 2030)  # 高技术制造业增加值占比 14 → 16.5


def test_straight_path_from_base_to_target():
    # 14 + (16.5 − 14)·(2027 − 2025)/(2030 − 2025) = 14 + 2.5·0.4 = 15.0
    assert pr.expected(14.0, 2025, AT_LEAST_16_5, 2027) == pytest.approx(15.0)
    assert pr.advance(15.0, 14.0, AT_LEAST_16_5).share == pytest.approx(40.0)
    # (16.5 − 15)/(2030 − 2027) = 0.5 points a year still needed
    assert pr.required_per_year(15.0, AT_LEAST_16_5, 2027) == pytest.approx(0.5)


def test_cumulative_target_path_starts_from_zero():
    goal = pr.Goal(">=", 3000, None, None, 2030, cumulative=True)  # 新增规上企业 ≥[3000]
    assert pr.expected(1009, 2025, goal, 2027) == pytest.approx(1200.0)  # 3000·2/5
    assert pr.advance(900, 1009, goal).share == pytest.approx(30.0)


def test_required_rate_keeps_the_five_year_average():
    # target 6.5 %/yr over 2026-2030; done: 6.0 % and 5.0 %.
    # (1.065^5 / (1.06·1.05))^(1/3) − 1 = (1.370087 / 1.113)^(1/3) − 1 = 1.230985^(1/3) − 1 = 7.173 %
    goal = pr.Goal(">=", 6.5, None, None, 2030)
    got = pr.required_rate([6.0, 5.0], goal, 2025)
    assert got == pytest.approx(100 * ((1.065 ** 5 / (1.06 * 1.05)) ** (1 / 3) - 1))
    assert got == pytest.approx(7.173, abs=1e-3)
    assert pr.average_rate([6.0, 5.0]) == pytest.approx(100 * (math.sqrt(1.06 * 1.05) - 1))


def test_forecast_is_ols_with_a_t_prediction_interval():
    """y = 1, 2, 3.5 at x = 0, 1, 2: b = 1.25, a = 0.916667, s² = 0.041667 (n − 2 = 1);
    at x = 3: ŷ = 4.666667, se = s·√(1 + 1/3 + (3 − 1)²/2) = 0.204124·1.825742 = 0.372678,
    t(0.9, 1) = 3.077684, band = ŷ ± 1.146981."""
    fc = pr.forecast({2020: 1.0, 2021: 2.0, 2022: 3.5}, 2023)
    assert fc.point == pytest.approx(4.666667, abs=1e-6)
    assert fc.high - fc.point == pytest.approx(1.146981, abs=1e-5)
    assert pr.forecast({2020: 1.0, 2021: 2.0}, 2023) is None


def test_range_target_is_met_inside_and_gap_counts_to_the_nearest_bound():
    goal = pr.Goal("range", None, 6, 7, 2030)  # 国家先进制造业集群数量 6~7
    assert pr.meets(6, goal) and pr.meets(7, goal) and not pr.meets(5, goal)
    assert pr.gap(5, goal) == 1 and pr.gap(8, goal) == 0 and pr.gap(6.5, goal) == 0
    assert pr.meets(8, goal)  # above the range: met and passed (the status reason says so)


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100), st.integers(2026, 2030))
def test_progress_is_linear_between_base_and_target(base, target, value, year):
    assume(target - base > 1e-3)  # an at-least target above its base
    goal = pr.Goal(">=", target, None, None, 2030)
    path = pr.expected(base, 2025, goal, year)
    assert pr.advance(path, base, goal).share == pytest.approx(100 * (year - 2025) / 5)


def test_forecast_of_a_share_stays_within_0_and_100():
    """10, 40, 70 → slope 30: ŷ(2030) = 70 + 30·8 = 310, clipped to 100 with its band."""
    fc = pr.forecast({2020: 10.0, 2021: 40.0, 2022: 70.0}, 2030, bounds=(0.0, 100.0))
    assert fc.point == 100.0 and fc.low <= 100.0 and fc.high == 100.0
    assert pr.forecast({2020: 10.0, 2021: 40.0, 2022: 70.0}, 2030).point == pytest.approx(310.0)


def test_advance_reads_a_regression_as_its_size_not_a_negative_percent():
    # base 4.9 → target 5.0; value 4.4 moved 0.5 away: not −500 %, but 倒退 0.5 个百分点
    a = pr.advance(4.4, 4.9, pr.Goal(">=", 5.0, None, None, 2030), "%")
    assert a.share is None and a.regression == pytest.approx(0.5) and a.text == "倒退 0.5 个百分点"
    assert pr.advance(4.9, 4.9, pr.Goal(">=", 5.0, None, None, 2030)).share == 0  # no move: 0 %, not 倒退
    assert pr.advance(6.0, 5.5, pr.Goal(">=", 5.0, None, None, 2030)).text == "基期已达到目标"
    assert pr.advance(3.0, None, AT_LEAST_16_5).text == "无基期值"
    at_most = pr.Goal("<=", 10.0, None, None, 2030)  # less is better: 12 → 11 covers half
    assert pr.advance(11.0, 12.0, at_most).share == pytest.approx(50.0)
    assert pr.advance(13.0, 12.0, at_most).regression == pytest.approx(1.0)


# --- level_status, one test per rule at its edge ------------------------------------------------
LEVEL = {"complete": True, "final_year": False, "label": "2027年"}


def test_level_meeting_the_target_exactly_is_achieved_on_a_complete_year_only():
    assert pr.level_status(16.5, AT_LEAST_16_5, path=15.0, fc=None, **LEVEL)[0] == "achieved"
    partial = pr.level_status(16.5, AT_LEAST_16_5, path=15.0, fc=None, complete=False, final_year=False,
                              label="2027年1-6月累计")
    assert partial[0] == "on_track" and "非完整年度" in partial[1]


def test_level_exactly_on_the_path_is_on_track_and_just_below_is_not():
    assert pr.level_status(15.0, AT_LEAST_16_5, path=15.0, fc=None, **LEVEL)[0] == "on_track"
    assert pr.level_status(14.999, AT_LEAST_16_5, path=15.0, fc=None, **LEVEL)[0] == "behind"


def test_level_on_the_path_with_a_forecast_that_misses_is_at_risk_and_says_why():
    code, reason = pr.level_status(15.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(16.49, 15.0, 18.0, 5), **LEVEL)
    assert code == "at_risk" and "不能完成目标" in reason
    assert pr.level_status(15.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(16.5, 15.0, 18.0, 5),
                           **LEVEL)[0] == "on_track"


def test_level_behind_the_path_is_at_risk_when_the_trend_or_its_band_reaches_the_target():
    trend = pr.level_status(14.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(16.5, 16.0, 17.0, 5), **LEVEL)
    band = pr.level_status(14.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(15.5, 14.0, 16.5, 5), **LEVEL)
    missed = pr.level_status(14.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(15.5, 14.0, 16.49, 5), **LEVEL)
    assert (trend[0], band[0], missed[0]) == ("at_risk", "at_risk", "behind")
    assert "可完成目标" in trend[1] and "预测区间内" in band[1]


def test_level_at_most_target_uses_the_low_end_of_the_band():
    at_most = pr.Goal("<=", 10.0, None, None, 2030)  # path from 12 down to 10; 2027 path 11.2
    assert pr.level_status(11.2, at_most, path=11.2, fc=None, **LEVEL)[0] == "on_track"
    assert pr.level_status(11.3, at_most, path=11.2, fc=pr.Forecast(10.5, 10.0, 11.0, 5), **LEVEL)[0] == "at_risk"
    assert pr.level_status(11.3, at_most, path=11.2, fc=pr.Forecast(10.5, 10.01, 11.0, 5), **LEVEL)[0] == "behind"
    assert pr.level_status(10.0, at_most, path=11.2, fc=None, **LEVEL)[0] == "achieved"


def test_range_target_on_both_sides():
    goal = pr.Goal("range", None, 6, 7, 2030)
    assert pr.level_status(5.99, goal, path=5.4, fc=None, **LEVEL)[0] == "on_track"  # below, ahead of path
    assert pr.level_status(6.0, goal, path=5.4, fc=None, **LEVEL)[0] == "achieved"
    above = pr.level_status(8.0, goal, path=5.4, fc=None, **LEVEL)
    assert above[0] == "achieved" and "高于目标区间上限 7" in above[1]
    # a base above the range heads down to its top: 9 → 7, path 2027 = 8.2
    assert pr.expected(9.0, 2025, goal, 2027) == pytest.approx(8.2)


def test_level_not_met_in_the_target_year_is_behind():
    code, _ = pr.level_status(16.4, AT_LEAST_16_5, path=16.5, fc=None, complete=True, final_year=True,
                              label="2030年")
    assert code == "behind"


def test_level_without_a_base_rests_on_the_forecast_or_is_pending():
    goal = pr.Goal(">=", 35, None, None, 2030)  # 绿色工厂产值占比: base "/" in the plan
    assert pr.level_status(20.0, goal, path=None, fc=None, **LEVEL)[0] == "pending"
    assert pr.level_status(20.0, goal, path=None, fc=pr.Forecast(35.0, 30, 40, 5), **LEVEL)[0] == "on_track"
    assert pr.level_status(20.0, goal, path=None, fc=pr.Forecast(30.0, 25, 36, 5), **LEVEL)[0] == "at_risk"
    assert pr.level_status(20.0, goal, path=None, fc=pr.Forecast(30.0, 25, 34, 5), **LEVEL)[0] == "behind"


# --- rate_status --------------------------------------------------------------------------------
RATE = pr.Goal(">=", 6.5, None, None, 2030)


def test_rate_in_a_partial_year_compares_its_growth_with_the_required_rate_at_the_band_edges():
    def code(current):
        return pr.rate_status(RATE, average=None, years=0, current=current, required=7.0,
                              current_label="2027年1-6月累计", final_year=False)[0]
    assert [code(7.0), code(6.0), code(5.999)] == ["on_track", "at_risk", "behind"]


def test_rate_on_complete_years_judges_the_average_since_the_base():
    def code(avg):
        return pr.rate_status(RATE, average=avg, years=2, current=None, required=6.0, current_label="",
                              final_year=False)[0]
    assert [code(6.5), code(5.5), code(5.49)] == ["on_track", "at_risk", "behind"]


def test_rate_in_the_target_year_is_achieved_or_behind():
    done = pr.rate_status(RATE, average=6.5, years=5, current=None, required=None, current_label="",
                          final_year=True)
    short = pr.rate_status(RATE, average=6.49, years=5, current=None, required=None, current_label="",
                           final_year=True)
    assert (done[0], short[0]) == ("achieved", "behind")


def test_rate_without_any_data_after_the_base_is_pending():
    assert pr.rate_status(RATE, average=None, years=0, current=None, required=6.5, current_label="",
                          final_year=False)[0] == "pending"


# --- cumulative_status --------------------------------------------------------------------------
def test_cumulative_target_edges():
    goal = pr.Goal(">=", 3000, None, None, 2030, cumulative=True)  # path 2027: 1200

    def code(v, final=False):
        return pr.cumulative_status(v, goal, path=1200.0, final_year=final, label="2026-2027年")[0]
    assert [code(3000), code(1200), code(1080), code(1079.9)] == ["achieved", "on_track", "at_risk", "behind"]
    assert code(2999, final=True) == "behind"
