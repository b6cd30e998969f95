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
    assert pr.progress(15.0, 14.0, AT_LEAST_16_5) == pytest.approx(40.0)
    # (16.5 − 15)/(2030 − 2027) = 0.5 points a year still needed
    assert pr.required_per_year(15.0, AT_LEAST_16_5, 2027) == pytest.approx(0.5)


def test_cumulative_target_path_starts_from_zero():
    goal = pr.Goal(">=", 3000, None, None, 2030, cumulative=True)  # 新增规上企业 ≥[3000]
    assert pr.expected(1009, 2025, goal, 2027) == pytest.approx(1200.0)  # 3000·2/5
    assert pr.progress(900, 1009, goal) == pytest.approx(30.0)


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


def test_status_rules():
    on_path = pr.status("level", 15.1, AT_LEAST_16_5, path=15.0, fc=None)
    behind = pr.status("level", 14.2, AT_LEAST_16_5, path=15.0,
                       fc=pr.Forecast(15.0, 13.0, 16.0, 5))
    at_risk = pr.status("level", 14.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(15.5, 14.0, 17.0, 5))
    saved_by_trend = pr.status("level", 14.2, AT_LEAST_16_5, path=15.0, fc=pr.Forecast(16.6, 16.0, 17.2, 5))
    assert [on_path[0], behind[0], at_risk[0], saved_by_trend[0]] == ["on_track", "behind", "at_risk", "on_track"]
    assert pr.status("level", 16.6, AT_LEAST_16_5, path=15.0, fc=None)[0] == "achieved"
    rate = pr.Goal(">=", 6.5, None, None, 2030)
    assert pr.status("rate", 6.0, rate, path=None, fc=None)[0] == "at_risk"
    assert pr.status("rate", 5.0, rate, path=None, fc=None)[0] == "behind"
    assert pr.status("rate", 6.7, rate, path=None, fc=None)[0] == "on_track"
    no_base = pr.status("level", 20.0, pr.Goal(">=", 35, None, None, 2030), path=None,
                        fc=pr.Forecast(30.0, 25.0, 36.0, 5))  # 绿色工厂产值占比: base "/" in the plan
    assert no_base[0] == "at_risk" and "未达目标" in no_base[1]
    qualitative = pr.Goal("qualitative", None, None, None, 2030)
    assert pr.status("level", 3.0, qualitative, path=None, fc=None)[0] == "pending"
    assert pr.status("level", None, AT_LEAST_16_5, path=None, fc=None)[0] == "pending"


def test_range_target_is_met_inside_and_gap_counts_to_the_nearest_bound():
    goal = pr.Goal("range", None, 6, 7, 2030)  # 国家先进制造业集群数量 6~7
    assert pr.meets(6, goal) and pr.meets(7, goal) and not pr.meets(5, goal)
    assert pr.gap(5, goal) == 1 and pr.gap(8, goal) == 1 and pr.gap(6.5, goal) == 0


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100), st.integers(2026, 2030))
def test_progress_is_linear_between_base_and_target(base, target, value, year):
    assume(abs(target - base) > 1e-3)
    goal = pr.Goal(">=", target, None, None, 2030)
    path = pr.expected(base, 2025, goal, year)
    assert pr.progress(path, base, goal) == pytest.approx(100 * (year - 2025) / 5)
