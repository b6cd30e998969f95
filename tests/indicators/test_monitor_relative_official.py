"""Relative targets, official averages beside computed ones, dated cluster lists and official counts, on the
hand-made province of ``tests/indicators/handmade_province.py`` (its own workspace: this module adds
official values the 21-record tests must not see). Numbers are worked from that module's table.

Hand-worked figures used below (2025 base year, 2027-06 monitored):
* 高技术 share (A's value added over all above scale): 2022-2026 10, 11, 12, 13, 14 %; 2027年1-6月 80 ÷ 500 = 16 %.
* 利润率 (only B has profit; revenue = 4 × value added): 2022-2026 4.0, 4.2, 4.4, 4.6, 4.8 %; 1-6月 90 ÷ 2000 = 4.5 %.
* Manufacturing growth, same scope, price index 100: 2026 (A, B, C) 640 ÷ 630 − 1 = 1.5873 %;
  2027年1-6月 350 ÷ 330 − 1 = 6.0606 %.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from gaodi.core import Gaodi
from gaodi.indicators.frame import Area, Period
from gaodi.monitor.records import Monitor
from gaodi.plan.model import Indicator, Plan, Relation, Target
from tests.indicators import handmade_province

PERIOD = "2027-06"


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handmade-relative")
    with Gaodi.open(home=folder / "ws") as g:
        handmade_province.build(g, folder)
        g.folder = folder
        yield g


def _values(g, rows: list[list[str]]) -> None:
    path = g.folder / f"v{len(rows)}-{rows[0][0][:4]}-{rows[0][2]}.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["指标", "地区代码", "统计期", "数值", "单位", "来源"], *rows])
    g.import_file("indicator-values", path)


def _one(g, number: str, period: str = PERIOD, value_source: str = "computed"):
    """One record of the plan, as ``g.monitor`` gives it (without computing the other twenty)."""
    monitor = g.monitor_for()
    ind = next(i for i in monitor.plan.indicators if i.number == number)
    return monitor.record(ind, Period.parse(period), g.area(), value_source)


def _relative(number: str, name: str, kind: str, value: float, text: str, base_year: int | None = 2025,
              op: str = ">=") -> Indicator:
    relation = Relation(kind=kind, op=op, value=value, base_year=base_year, text=text)
    return Indicator(number=number, name=name, unit="%", base_year=2025, source="text",
                     target=Target(op="relative", relation=relation, year=2030, text=text))


def _monitor(g, *indicators: Indicator) -> dict:
    plan = Plan(id="relative-test", name="相对目标测试规划", base_year=2025, target_year=2030,
                indicators=list(indicators))
    src = g.monitor_for().src
    return {r.number: r for r in Monitor(src, plan).records(Period.parse(PERIOD), Area("province", "430000"))}


# --- relative targets ("提高 X 个百分点") -------------------------------------------------------------
def test_a_relative_target_is_judged_from_the_datas_base_once_known(province):
    """利润率 比2025年提高2个百分点: data base 4.6 → target 6.6. 1-6月 4.5 fell 0.1 from it; path 2027 =
    4.6 + 2·2/5 = 5.4; the line through 4.0 … 4.8 reaches 5.6 in 2030 with no scatter (band = point) → 滞后."""
    r = _monitor(province, _relative("R1", "规模以上工业企业营业收入利润率", "points", 2, "比2025年提高2个百分点"))["R1"]
    assert r.base == pytest.approx(4.6) and r.base_source == "data" and r.base_plan is None
    assert r.target_op == ">=" and r.target_value == pytest.approx(6.6)
    assert r.target == "比2025年提高2个百分点（≥6.6）"
    assert r.value == pytest.approx(4.5) and r.regression == pytest.approx(0.1)
    assert r.expected_now == pytest.approx(5.4) and r.forecast == pytest.approx(5.6)
    assert r.status == "behind" and "基期：按数据计算的基期值 4.6" in r.evidence


def test_a_relative_target_with_an_unknown_base_is_pending_and_says_what_to_enter(province):
    """No definition and no value for the indicator: 待评估 naming the indicator and the year to enter;
    a computed one whose base year (2020) has no data says both ways to give the base, its value shown."""
    got = _monitor(province,
                   _relative("R2", "某测试指标占比", "points", 3, "比2025年提高3个百分点"),
                   _relative("R3", "高技术制造业增加值占规模工业增加值比重", "points", 3, "比2020年提高3个百分点",
                             base_year=2020))
    r2, r3 = got["R2"], got["R3"]
    assert r2.status == "pending" and r2.target_op == "relative" and r2.base is None
    assert "指标写“某测试指标占比”，统计期写 2025" in r2.reason
    assert r3.status == "pending" and r3.value == pytest.approx(16.0) and r3.base_year == 2020
    assert "统计期写 2020" in r3.reason and "导入“企业统计（年度与1-N月累计）”" in r3.reason
    assert r3.progress is None and r3.gap is None and r3.status_zh == "待评估"


def test_a_relative_target_takes_an_official_base_before_the_datas(province):
    """高技术 比2025年提高2个百分点 with an official 2025 value of 14.5 (the data's is 13):
    target 16.5; 1-6月 16 against path 14.5 + 2·2/5 = 15.3 → on the path, trend 18 ≥ 16.5 → 正常;
    progress (16 − 14.5) ÷ 2 = 75 %. A percent relation 比2025年增长10% on the same base: 14.5 × 1.1 = 15.95."""
    _values(province, [["高技术制造业增加值占规模工业增加值比重", "430000", "2025", "14.5", "%", "测试公报 2025"]])
    got = _monitor(province,
                   _relative("R4", "高技术制造业增加值占规模工业增加值比重", "points", 2, "比2025年提高2个百分点"),
                   _relative("R5", "高技术制造业增加值占规模工业增加值比重", "percent", 10, "比2025年增长10%"))
    r = got["R4"]
    assert r.base == 14.5 and r.base_source == "official" and r.base_data == pytest.approx(13.0)
    assert r.target_value == pytest.approx(16.5) and r.expected_now == pytest.approx(15.3)
    assert r.forecast == pytest.approx(18.0) and r.status == "on_track"
    assert r.progress == pytest.approx(75.0)
    assert "官方发布的基期值 14.5（按数据计算 13）" in r.evidence
    assert got["R5"].target_value == pytest.approx(15.95) and got["R5"].status == "on_track"


# --- average growth: an official average beside the computed one -------------------------------------
def test_average_growth_compares_like_with_like_and_the_user_chooses(province):
    """Official single-year 2026 growth 1.0 % → the official 2026 average is 1.0 (one year since the base)
    beside the computed 1.5873; a published 2026 年均 figure of 1.2 takes its place. Judged on the official
    average, the rate still required is (1.065⁵ ÷ 1.012)^(1/4) − 1; 1-6月 6.06 is more than 1 point below."""
    _values(province, [["规模以上制造业增加值增速", "430000", "2026", "1.0", "%", "测试公报 2026"]])
    r = _one(province, "1")
    assert r.official_value == pytest.approx(1.0) and r.computed_value == pytest.approx(100 * (640 / 630 - 1))
    assert r.difference == pytest.approx(100 * (640 / 630 - 1) - 1.0) and r.official_period == "2026年"
    assert "各年增速（2026年 1%）几何平均" in r.official_source and r.value_source == "computed"
    assert r.required == pytest.approx(100 * ((1.065 ** 5 / (640 / 630)) ** 0.25 - 1))

    _values(province, [["全省规模以上制造业增加值年均增速", "430000", "2026", "1.2", "%", "测试年均发布"]])
    r = _one(province, "1", value_source="official")
    assert r.official_value == pytest.approx(1.2) and "测试年均发布" in r.official_source
    assert r.value_source == "official" and r.average_rate == pytest.approx(1.2)
    assert r.required == pytest.approx(100 * ((1.065 ** 5 / 1.012) ** 0.25 - 1))
    assert r.value == pytest.approx(100 * (350 / 330 - 1)) and r.status == "behind"
    whole = _one(province, "1", "2026", "official")
    assert whole.value == pytest.approx(1.2) and whole.computed_value == pytest.approx(100 * (640 / 630 - 1))
    assert "官方发布（2026年） 1.2" in whole.evidence and "状态依据官方发布值" in whole.evidence


def test_average_growth_without_every_years_official_rate_has_no_official_average(province):
    """研发经费 has no official figure at all: nothing beside the computed average, status on the computed."""
    r = _one(province, "14", value_source="official")
    assert r.official_value is None and r.value_source == "computed"


# --- dated cluster lists and official counts --------------------------------------------------------
def test_clusters_are_dated_by_the_list_year_the_import_gave(province):
    r = _one(province, "5")
    assert r.data_period == "2026" and "2026年名单（导入时注明名单年份）" in r.evidence


def test_clusters_without_a_list_year_are_dated_by_their_import(province):
    """The same list imported again without 名单年份: dated by the import's own date (this year)."""
    path = province.folder / "c-undated.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["集群代码", "集群名称", "集群级别", "所在地区代码", "认定年份"],
                                  ["N1", "国家集群", "国家级", "430100", "2022"],
                                  ["S1", "特色集群", "中小企业特色产业集群", "430200", "2026"]])
    province.import_file("clusters", path)
    year = dt.date.today().year
    r = _one(province, "5", str(year + 1))
    assert r.data_period == str(year) and "未注明名单年份，按导入日期" in r.evidence
    assert f"名单最新为{year}年" in r.evidence


def test_shipped_official_counts_stand_beside_the_count_of_the_lists_year(province):
    """小巨人 held in 2025: B (2023-2025) → 1, beside the published 543 as of 2025-10; 千亿企业: 0 in the
    2025 data beside the published 4; 智能工厂 基础级 has no official figure and says so."""
    result = province.load_official_values()
    assert result.rows_rejected == 0 and result.rows_imported == 16
    counts = {r.indicator: r for r in province.count_monitor("2025")}
    giants = next(r for k, r in counts.items() if "小巨人" in k)
    assert (giants.value, giants.official_value, giants.difference) == (1, 543, 1 - 543)
    assert giants.official_period == "截至2025年10月" and "sgf2.com" in giants.official_source
    assert "采用" not in giants.official_source  # the month is said once, in official_period
    thousand = next(r for k, r in counts.items() if "千亿" in k)
    assert (thousand.value, thousand.official_value) == (0, 4) and "未说明" in thousand.official_source
    basic = next(r for k, r in counts.items() if "基础级" in k)
    assert basic.official_value is None and basic.official_source.startswith("无官方来源")


# --- the "done when": no 正常/达标 without data after the base ------------------------------------
@pytest.mark.slow  # 28 records of another period: the 21-record tests of 2027-06 already run by default
def test_no_record_is_on_track_or_achieved_without_data_after_the_base(province):
    """2026年1-6月: annual-only figures (普及率, 千亿企业, 新增规上) still rest on 2025, the base year, so they
    are 待评估; whatever is 正常/达标 rests on a data period after the base and says so in its evidence."""
    records = province.monitor("2026-06") + province.count_monitor("2026-06")
    judged = [r for r in records if r.status in ("achieved", "on_track")]
    assert judged  # the rule is exercised: 1-6月 shares after the base are judged
    for r in judged:
        assert Period.parse(r.data_period).year > r.base_year, (r.number, r.data_period)
        assert r.evidence.startswith("数据期")
    by_number = {r.number: r for r in records}
    for number in ("16", "9"):  # 普及率 and 千亿企业 fall back to 2025
        assert by_number[number].status == "pending" and by_number[number].data_period == "2025"
    assert by_number["数量4"].value is None and by_number["数量4"].status == "pending"
