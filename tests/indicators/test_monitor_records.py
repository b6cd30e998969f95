"""Every one of the 21 records of seed 004's plan, monitored for 2027年1-6月 on the hand-made province
(tests/indicators/handmade_province.py), against numbers worked by hand from its table.

Plan (湘政发〔2026〕6号): base year 2025, target year 2030. The straight path in year y is
B + (T − B)·(y − 2025)/5; forecasts are OLS lines through the complete years 2022-2026, worked here with
the textbook formulas (slope = Sxy ÷ Sxx), and their 80 % band with t(0.9, n − 2).
"""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from gaodi.cli.main import app
from gaodi.core import Gaodi
from tests.indicators import handmade_province

PERIOD = "2027-06"
T90_3 = 1.637744  # t(0.9, 3): the 80 % two-sided quantile with 5 − 2 degrees of freedom


def ols(ys: list[float], at: int = 2030, xs=range(2022, 2027)) -> tuple[float, float]:
    """(ŷ, half band) of the least-squares line through (xs, ys) at ``at``."""
    xs = list(xs)
    n, mx, my = len(xs), sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    fit = [my + slope * (x - mx) for x in xs]
    s = math.sqrt(sum((y - f) ** 2 for y, f in zip(ys, fit)) / (n - 2))
    return my + slope * (at - mx), T90_3 * s * math.sqrt(1 + 1 / n + (at - mx) ** 2 / sxx)


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """The hand-made province in a workspace on disk, so the CLI can open it too."""
    folder = tmp_path_factory.mktemp("handmade-monitor")
    with Gaodi.open(home=folder / "ws") as g:
        handmade_province.build(g, folder)
        yield g


@pytest.fixture(scope="module")
def records(province):
    return {r.number: r for r in province.monitor(PERIOD)}


def test_every_record_states_its_evidence(records):
    assert len(records) == 21
    for r in records.values():
        assert r.rule_version and r.status_zh and r.status_en and r.reason
        assert r.status != "pending" or r.reason  # a pending record always says why
        if r.value is not None:
            assert r.evidence.startswith("数据期")


def test_1_manufacturing_growth_is_the_average_since_the_base_and_the_half_year_is_judged_on_it(records):
    """Same-scope manufacturing value added, price index 100: 2026 over 2025 = (A, B, C) 640 ÷ 630;
    1-6月 2027 over 2026 = (A, B, C, E) 350 ÷ 330 = +6.0606 %. Required for 2027-2030 so 2026-2030 averages
    6.5 %: (1.065⁵ ÷ (640/630))^(1/4) − 1 = 7.765 %; 6.06 is more than 1 point below it: 滞后.
    Plan base 7.1 is the 2021-2025 average; the data's own: 2023-2025 = (510/500 · 620/610 · 630/620)^(1/3)."""
    r = records["1"]
    assert r.value == pytest.approx(100 * (350 / 330 - 1)) and r.value_label == "2027年1-6月累计增速"
    assert r.average_rate == pytest.approx(100 * (640 / 630 - 1))
    assert r.required == pytest.approx(100 * ((1.065 ** 5 / (640 / 630)) ** 0.25 - 1))
    assert r.required == pytest.approx(7.765, abs=1e-3)
    assert r.status == "behind" and r.forecast is None and r.progress is None
    assert r.base == 7.1 and r.base_source == "plan" and "上一规划期" in r.base_note
    assert r.base_data == pytest.approx(100 * ((510 / 500 * 620 / 610 * 630 / 620) ** (1 / 3) - 1))
    assert (r.reporters, r.expected_reporters) == (4, 4)  # A, B, C, E report; all four on the 2026 roll


def test_2_profit_margin_regresses_but_the_trend_reaches_the_target(records):
    """1-6月: 90 ÷ (4 × 500) = 4.5 %. Path 2027: 4.9 + 0.1 × 2/5 = 4.94 → behind it. Annual margins
    2022-2026 are 4.0, 4.2, 4.4, 4.6, 4.8: the line reaches 5.6 in 2030 exactly (no band): 预警.
    From base 4.9 the margin fell 0.4 points: 倒退, not a negative percentage."""
    r = records["2"]
    assert r.value == pytest.approx(4.5) and r.complete is False
    assert r.expected_now == pytest.approx(4.94)
    assert r.forecast == pytest.approx(5.6) and r.forecast_high == pytest.approx(5.6)
    assert r.status == "at_risk" and "可完成目标" in r.reason
    assert r.progress is None and r.regression == pytest.approx(0.4) and r.progress_text == "倒退 0.4 个百分点"
    assert r.required == pytest.approx((5.0 - 4.5) / 3)
    assert r.base_data == pytest.approx(100 * 184 / 4000)


def test_3_advanced_share_meets_the_target_in_a_partial_year_only_on_track(records):
    """(A + B) ÷ manufacturing (A, B, C, E) = 280 ÷ 350 = 80 % ≥ 54: met, but 1-6月 → 正常, not 达标.
    Progress (80 − 51.7) ÷ (54 − 51.7) = 1230.4 %. Forecast clipped to 100: annual shares 100 (C below
    scale in 2022), 510/610, 520/620, 530/630, 540/700."""
    r = records["3"]
    assert r.value == pytest.approx(80.0) and r.status == "on_track" and "非完整年度" in r.reason
    assert r.progress == pytest.approx(100 * (80 - 51.7) / (54 - 51.7))
    point, _ = ols([100, 100 * 510 / 610, 100 * 520 / 620, 100 * 530 / 630, 100 * 540 / 700])
    assert r.forecast == pytest.approx(min(max(point, 0), 100))


def test_4_park_share_is_behind_path_and_band(records):
    """Park (A, C, E) 150 ÷ 500 = 30 %. Annual: 10, 21, 22, 23, 30 → slope 4.2, ŷ(2030) = 46.4,
    s² = 30.4/3, band ±1.637744·s·√4.8 = ±11.42: high 57.8 < 78 → 滞后; 倒退 47.2 points from 77.2."""
    r = records["4"]
    assert r.value == pytest.approx(30.0)
    point, half = ols([10, 21, 22, 23, 30])
    assert point == pytest.approx(46.4) and r.forecast == pytest.approx(point)
    assert r.forecast_high == pytest.approx(point + half)
    assert r.status == "behind" and r.regression == pytest.approx(47.2)
    assert r.expected_now == pytest.approx(77.2 + 0.8 * 2 / 5)


def test_5_clusters_in_a_range_target_fall_back_from_the_base(records):
    """National clusters in the 2026 list (名单年份 2026): N1 → 1. Range 6~7 from base 5:
    path 2026 = 5 + (6 − 5)/5 = 5.2; every year 1 → forecast 1; 倒退 4 个; required (6 − 1)/4."""
    r = records["5"]
    assert r.value == 1 and r.data_period == "2026" and r.complete
    assert r.expected_now == pytest.approx(5.2) and r.forecast == pytest.approx(1.0)
    assert r.status == "behind" and r.progress_text == "倒退 4个" and r.gap == 5
    assert r.required == pytest.approx(1.25)


def test_6_sme_clusters(records):
    """S1 recognised 2026 → 1; annual 0, 0, 0, 0, 1 → slope 0.2, ŷ(2030) = 1.4; path 22 + 10/5 = 24."""
    r = records["6"]
    assert r.value == 1 and r.expected_now == pytest.approx(24.0)
    assert r.forecast == pytest.approx(1.4) and r.status == "behind"


def test_7_strategic_emerging_share_from_its_2024_base(records):
    """(A + B) gross output 560 ÷ 1000 = 56 % ≥ 30.5 in 1-6月 → 正常. Base 29.2 of 2024 (the plan's *);
    the data's 2024: 520 ÷ 1000 = 52 %. Progress (56 − 29.2) ÷ 1.3."""
    r = records["7"]
    assert r.value == pytest.approx(56.0) and r.status == "on_track" and r.base_year == 2024
    assert r.base == 29.2 and r.base_data == pytest.approx(52.0)
    assert r.progress == pytest.approx(100 * (56 - 29.2) / 1.3)


def test_8_new_above_scale_is_a_running_sum_of_complete_years(records):
    """Annual-only: 2027-06 uses 2026; E entered in 2026 → 1. Path of [3000]: 3000 × 1/5 = 600;
    1 < 0.9 × 600 → 滞后; progress 1/3000; still needed (3000 − 1)/4 a year."""
    r = records["8"]
    assert r.value == 1 and r.data_period == "2026" and r.complete
    assert r.expected_now == pytest.approx(600) and r.status == "behind"
    assert r.progress == pytest.approx(100 / 3000) and r.required == pytest.approx(2999 / 4)


@pytest.mark.parametrize("number,base,target", [("9", 5, 8), ("10", 55, 65)])
def test_9_10_revenue_tiers_are_zero_because_the_data_say_zero(records, number, base, target):
    """Nobody has 100 亿 of revenue (B: 1600 万元): 0 from imported 2026 data, not "no data"."""
    r = records[number]
    assert r.value == 0 and r.data_period == "2026"
    assert r.expected_now == pytest.approx(base + (target - base) / 5) and r.forecast == pytest.approx(0)
    assert r.status == "behind" and r.regression == base and r.required == pytest.approx(target / 4)


def test_11_little_giants_held_in_the_lists_year(records):
    """List year 2026: A (2026-2029) holds, B expired 2025 → 1. By year 0, 1, 1, 1, 1 → ŷ(2030) = 2.0."""
    r = records["11"]
    assert r.value == 1 and r.data_period == "2026" and r.forecast == pytest.approx(2.0)
    assert r.expected_now == pytest.approx(593 + 107 / 5) and r.status == "behind"
    assert r.regression == 592 and r.required == pytest.approx(699 / 4)


def test_12_a_list_never_imported_is_no_data_not_zero(records):
    r = records["12"]
    assert r.value is None and r.status == "pending" and "未导入" in r.reason and r.progress is None


def test_13_hightech_share_on_its_path(records):
    """A 80 ÷ 500 = 16 %; path 2027 = 14 + 2.5 × 2/5 = 15; annual 10..14 → 18 in 2030; progress 80 %.
    An official 14.8 for the same period stands beside it (difference 16 − 14.8 = 1.2); the status uses
    the computed value unless the user chooses the official one."""
    r = records["13"]
    assert r.official_value == 14.8 and r.difference == pytest.approx(1.2) and r.value_source == "computed"
    assert "测试发布" in r.official_source and "官方发布 14.8" in r.evidence
    assert r.value == pytest.approx(16.0) and r.expected_now == pytest.approx(15.0)
    assert r.forecast == pytest.approx(18.0) and r.status == "on_track"
    assert r.progress == pytest.approx(80.0) and r.progress_text == "完成 80.0%"
    assert r.base_data == pytest.approx(13.0) and r.base_source == "plan"
    assert r.required == pytest.approx(0.5 / 3)


def test_14_rd_growth_with_no_plan_base_uses_the_data(records):
    """Nominal, same scope (A, B): 2026 54 ÷ 53; 1-6月 28.5 ÷ 26 = +9.615 %; required
    (1.075⁵ ÷ (54/53))^(1/4) − 1 = 8.952 % → 正常. Base: the data's 2023-2025 average."""
    r = records["14"]
    assert r.value == pytest.approx(100 * (28.5 / 26 - 1))
    assert r.required == pytest.approx(100 * ((1.075 ** 5 / (54 / 53)) ** 0.25 - 1))
    assert r.status == "on_track" and r.base_source == "data"
    assert r.base == pytest.approx(100 * ((51 / 50 * 52 / 51 * 53 / 52) ** (1 / 3) - 1))


def test_15_official_value_after_the_base(records):
    """Entered 7.8 for 2026 (source kept); path 2026 = 7.4 + 1.6/5 = 7.72 → 正常; two years, no forecast."""
    r = records["15"]
    assert r.value == 7.8 and r.data_period == "2026" and "统计公报" in r.note
    assert r.expected_now == pytest.approx(7.72) and r.status == "on_track" and r.forecast is None
    assert r.progress == pytest.approx(25.0)


def test_16_digital_tools_annual_only(records):
    """2026: A, B of five → 40 %. Annual 66.67, 50, 50, 50, 40 → slope −5.333, ŷ(2030) = 19.33."""
    r = records["16"]
    assert r.value == pytest.approx(40.0) and r.data_period == "2026"
    assert r.forecast == pytest.approx(ols([200 / 3, 50, 50, 50, 40])[0])
    assert r.status == "behind" and r.regression == pytest.approx(45.8)


def test_17_a_list_not_updated_since_the_base_is_pending(records):
    r = records["17"]
    assert r.value == 1 and r.data_period == "2025" and r.status == "pending"
    assert "2026年名单尚未导入" in r.reason


def test_18_energy_drop_against_the_assigned_task(records):
    """Same scope 2027-06 vs 2026-06 (all five): energy 48 ÷ VA 500 against 48 ÷ 480 → drop 4 %, above
    the assigned 3.0 → met, partial year → 正常. Data base 2025: 50/1000 against 50/1000 → 0."""
    r = records["18"]
    assert r.value == pytest.approx(4.0) and r.assigned == 3.0
    assert r.status == "on_track" and r.progress == pytest.approx(100 * 4 / 3)


def test_19_no_carbon_data(records):
    r = records["19"]
    assert r.value is None and r.status == "pending"


def test_20_qualitative_target_without_the_assigned_value_says_what_to_enter(records):
    """Water 90 ÷ 500 against 96 ÷ 480 → drop 10 %, but no assigned value: 待评估 with what to enter."""
    r = records["20"]
    assert r.value == pytest.approx(10.0) and r.status == "pending"
    assert "万元工业增加值用水量下降（国家下达任务）" in r.reason


def test_21_green_share_without_a_plan_base_measures_from_the_data(records):
    """A's gross output 160 ÷ manufacturing 700 = 22.857 %. Data base 2025: 260 ÷ 1260. Path 2027 =
    b + (35 − b)·2/5. Annual 0, 0, 240/1240, 260/1260, 280/1400 → the line is steep enough to reach 35."""
    r = records["21"]
    base = 100 * 260 / 1260
    assert r.value == pytest.approx(100 * 160 / 700) and r.base == pytest.approx(base)
    assert r.base_source == "data" and r.base_plan is None
    assert r.expected_now == pytest.approx(base + (35 - base) * 2 / 5)
    point, _ = ols([0, 0, 100 * 240 / 1240, base, 20.0])
    assert r.forecast == pytest.approx(point) and point >= 35
    assert r.status == "at_risk" and "可完成目标" in r.reason


# --- why an indicator stands where it does: the parts add up to the province ------------------------
@pytest.fixture(scope="module")
def why(province):
    return lambda number, by="city": province.monitor_why(number, PERIOD, by=by)


def test_why_a_share_splits_its_change_into_growth_inside_cities_and_mix_between_them(why):
    """高技术占比, 2027年1-6月 against the data's 2025 base (13 %): 长沙 (A, B) 80 ÷ 280 now with weight
    280/500, 130 ÷ 530 in 2025 with weight 530/1000; 株洲 (C, D, E) has no high-tech class (0 %).
    长沙 within = (0.53 + 0.56)/2 × (28.571 − 24.528) = 2.2035, mix = (24.528 + 28.571)/2 × 0.03 = 0.7965:
    the whole change 16 − 13 = 3 points."""
    b = why("13")
    assert b.value == pytest.approx(16.0) and b.base_value == pytest.approx(13.0)
    cs = next(p for p in b.parts if p.code == "430100")
    s1, s0 = 100 * 80 / 280, 100 * 130 / 530
    assert cs.within == pytest.approx((0.53 + 0.56) / 2 * (s1 - s0))
    assert cs.mix == pytest.approx((s0 + s1) / 2 * (0.56 - 0.53))
    assert cs.change == pytest.approx(3.0) and cs.contribution == pytest.approx(16.0)
    assert sum(p.change for p in b.parts) == pytest.approx(b.change)
    assert sum(p.contribution for p in b.parts) == pytest.approx(b.value)
    assert all(p.name != "未分地区" for p in b.parts)


def test_why_a_growth_rate_is_the_sum_of_the_cities_pulls(why):
    """Same-scope manufacturing 2027年1-6月: 长沙 (A, B) 280 against 260, 株洲 (C, E) 70 against 70;
    pulls (280 − 260) ÷ 330 = 6.06 points and 0. In 2025: 长沙 530 against 520, 株洲 (C) 100 against 100 of 620."""
    b = why("1")
    cs = next(p for p in b.parts if p.code == "430100")
    assert cs.contribution == pytest.approx(100 * 20 / 330)
    assert cs.change == pytest.approx(100 * 20 / 330 - 100 * 10 / 620)
    assert b.parts[0].code == "430200"  # the smaller (zero) contribution to the change comes first
    assert sum(p.contribution for p in b.parts) == pytest.approx(b.value)
    assert sum(p.change for p in b.parts) == pytest.approx(b.change)


def test_why_a_count_by_park_adds_up(why):
    """小巨人: A (park P1) holds one in the 2026 list; B (no park) held the 2025 one."""
    b = why("11", by="park")
    parts = {p.code: (p.contribution, p.change) for p in b.parts}
    assert parts == {"P1": (1, 1), "": (0, -1)}
    assert sum(p.change for p in b.parts) == b.change == 0


def test_the_user_may_judge_on_the_official_value(province):
    """Official 14.8 is behind the path (15) but the trend (18) reaches 16.5: 预警; progress 0.8 ÷ 2.5."""
    r = next(r for r in province.monitor(PERIOD, value_source="official") if r.number == "13")
    assert r.value == 14.8 and r.value_source == "official" and r.computed_value == pytest.approx(16.0)
    assert r.status == "at_risk" and r.progress == pytest.approx(100 * 0.8 / 2.5)


def test_the_shipped_official_figures_import_with_their_sources(province):
    """湖南 2025 figures (省统计局 2026-01-26 ...): every row imported, each with a source naming the page."""
    result = province.load_official_values()
    assert result.rows_rejected == 0 and result.rows_imported == 16
    iv = province.store.table("indicator_values")
    rows = province.store.execute(iv.filter(iv.source.contains("2026-01-26")))
    assert len(rows) == 5 and all("tjj.hunan.gov.cn" in s for s in rows.source)


def test_the_cli_gives_the_same_records_and_breakdown_as_the_core(province, monkeypatch):
    """`gaodi monitor --json`, `--counts` and `gaodi monitor why 13`: the numbers of the tests above."""
    monkeypatch.setenv("GAODI_HOME", str(province.settings.home))
    runner = CliRunner()
    out = runner.invoke(app, ["monitor", "--period", PERIOD, "--json"])
    assert out.exit_code == 0, out.output
    hightech = next(r for r in json.loads(out.stdout) if r["number"] == "13")
    assert hightech["value"] == pytest.approx(16.0) and hightech["status"] == "on_track"
    counts = runner.invoke(app, ["monitor", "--period", PERIOD, "--counts", "--json"])
    assert counts.exit_code == 0, counts.output
    giants = next(r for r in json.loads(counts.stdout) if "小巨人" in r["indicator"])
    assert giants["value"] == 1 and giants["target"] == "≥700"
    why = runner.invoke(app, ["monitor", "why", "13", "--period", PERIOD, "--json"])
    assert why.exit_code == 0, why.output
    parts = {p["code"]: p["change"] for p in json.loads(why.stdout)["parts"]}
    assert parts == pytest.approx({"430100": 3.0, "430200": 0.0})


def test_a_city_measures_from_its_own_base_and_counts_are_not_judged(province):
    """长沙 (A, B): 高技术 80 ÷ 280 = 28.57 % from its own 2025 base 130 ÷ 530 = 24.53 % (the plan gives
    the province's); path 2027 = b + (16.5 − b)·2/5; the provincial count targets are not split by city."""
    records = {r.number: r for r in province.monitor(PERIOD, area="430100")}
    r = records["13"]
    base = 100 * 130 / 530
    assert r.value == pytest.approx(100 * 80 / 280) and r.base == pytest.approx(base)
    assert r.base_source == "data" and r.base_plan is None and r.base_source_zh == "按数据计算的基期值"
    assert r.expected_now == pytest.approx(base + (16.5 - base) * 2 / 5)
    assert records["11"].status == "pending" and "未分解" in records["11"].reason
    assert (records["13"].reporters, records["13"].expected_reporters) == (2, 2)


def test_why_an_energy_reduction_is_the_sum_of_the_cities_parts(why):
    """Energy only at D (株洲): 48 t on 500 now against 48 t on 480 a year before → I₀ = 0.1 and the
    province's 4 % is all 株洲's: 100·(48/480 − 48/500)/0.1 = 4. 2025: 50/1000 against 50/1000 → 0."""
    b = why("18")
    parts = {p.code: (p.contribution, p.change) for p in b.parts}
    assert parts["430200"] == pytest.approx((4.0, 4.0)) and parts["430100"] == pytest.approx((0.0, 0.0))


@pytest.mark.parametrize("number", [str(n) for n in range(1, 22)])
def test_why_works_for_every_indicator_and_its_parts_add_up(why, number):
    """No part is left over: every enterprise of the hand-made province lies in a city."""
    b = why(number)
    if b.note:  # an official value: nothing to break down
        assert b.key == "digital_economy_share"
        return
    if b.value is None or b.change is None:  # no data (单项冠军, carbon): nothing to add up
        return
    assert sum(p.contribution or 0.0 for p in b.parts) == pytest.approx(b.value)
    assert sum(p.change or 0.0 for p in b.parts) == pytest.approx(b.change)
    assert all(p.name != "未分地区" for p in b.parts)
