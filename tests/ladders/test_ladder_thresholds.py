"""Every ladder criterion at its threshold: just below, at and just above, citing the document.

Documents: 工信部企业〔2022〕63号 附件1–3 (in force 2022-08-01 … 2026-03-31); 《优质中小企业梯度培育
管理办法》工信部企业〔2026〕2号 附件1–2 (from 2026-04-01; thresholds from public summaries, see
docs/ladders.md); 《制造业单项冠军企业认定管理办法》工信部政法〔2023〕138号 and the 2022 遴选 notice
(工信厅联政法函〔2022〕47号); 国家统计局 规模以上工业企业 (2000 万元); 湘政发〔2026〕6号 (千百十).
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from ladder_store import find

from gaodi.errors import InputError
from gaodi.ladders import assessment_date, judge, ladders_in_force, list_ladders, parse_ladder


def _ladder(name: str, version: str | None = None):
    return next(lad for lad in list_ladders()
                if lad.name == name and (version is None or lad.version == version))


Q2022 = _ladder("优质中小企业梯度培育", "2022")
Q2026 = _ladder("优质中小企业梯度培育", "2026")
CHAMPION = _ladder("制造业单项冠军")
REVENUE = _ladder("千百十企业")
ABOVE = _ladder("小升规")


_node = find


def status(ladder, rung: str, node_id: str, facts=None, inputs=None, titles=()) -> str:
    node = _node(ladder.rung(rung).requires, node_id)
    assert node is not None, node_id
    return judge(node, facts or {}, list(titles), inputs or {}).status


def states(ladder, rung: str, node_id: str, source: str, values) -> list[str]:
    """The status of one criterion for each value of its metric or input (``metric:name``)."""
    kind, name = source.split(":")
    return [status(ladder, rung, node_id, **({"facts": {name: v}} if kind == "metric"
                                            else {"inputs": {name: v}})) for v in values]


def points(ladder, rung: str, item: str, facts=None, inputs=None) -> float:
    score = judge(_node(ladder.rung(rung).requires, "score"), facts or {}, [], inputs or {})
    return next(c for c in score.children if c.id == item).points


# --- which rules are in force -------------------------------------------------------------------

def test_the_2022_rules_apply_until_2026_03_31_and_the_2026_rules_from_2026_04_01():
    """工信部企业〔2026〕2号 is in force from 2026-04-01 and replaces 63号's standards."""
    def version(day):
        return {lad.name: lad.version for lad in ladders_in_force(day)}.get("优质中小企业梯度培育")
    assert version(date(2026, 3, 31)) == "2022"
    assert version(date(2026, 4, 1)) == "2026"
    assert version(date(2026, 4, 2)) == "2026"
    assert version(date(2022, 8, 1)) == "2022"
    assert version(date(2022, 7, 31)) is None  # before 63号: no rules of this ladder shipped


def test_data_of_a_year_are_judged_by_the_rules_of_the_next_year_or_today():
    assert assessment_date(2025, today=date(2026, 12, 2)) == date(2026, 12, 2)
    assert assessment_date(2024, today=date(2026, 12, 2)) == date(2025, 12, 31)
    assert assessment_date(2025, today=date(2027, 5, 1)) == date(2026, 12, 31)


@pytest.mark.parametrize("in_force, words", [
    ('{from: "01/04/2026"}', "in_force.from"),
    ("{from: 2026-04-01, to: 2026-03-31}", "早于"),
    ("{from: 2026-04-01, until: 2027-01-01}", "未知的键"),
])
def test_bad_in_force_dates_are_refused(in_force, words):
    raw = yaml.safe_load(f"""
name: x
version: "1"
in_force: {in_force}
rungs:
  - {{id: r, name: r, requires: [{{metric: revenue, op: ">=", value: 1}}]}}
""")
    with pytest.raises(InputError) as caught:
        parse_ladder(raw, source="x.yaml")
    assert words in str(caught.value)


def test_an_impossible_date_in_a_ladder_file_is_refused_naming_the_file(tmp_path):
    from gaodi.ladders import load_ladder
    path = tmp_path / "mine.yaml"
    path.write_text("name: x\nversion: '1'\nin_force: {from: 2026-13-01}\nrungs: []\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_ladder(path)
    assert "日期" in str(caught.value) and caught.value.location.file == str(path)


# --- 63号 (2022) ----------------------------------------------------------------------------------

@pytest.mark.parametrize("rd, expected", [
    (99.9, 0), (100, 2), (199.9, 2), (200, 4), (299.9, 4), (300, 6), (400, 8), (499.9, 8), (500, 10)])
def test_2022_item_11_rd_amount_six_tiers(rd, expected):
    """63号 附件2 第11项: 500万以上 10; 400–500 8; 300–400 6; 200–300 4; 100–200 2; else 0."""
    assert points(Q2022, "specialised_sme", "rd", {"rd_expense": rd, "rd_intensity": 0}) == expected


@pytest.mark.parametrize("share, expected", [
    (2.99, 0), (3, 2), (3.99, 2), (4, 4), (5.99, 4), (6, 6), (8, 8), (9.99, 8), (10, 10)])
def test_2022_item_11_rd_share_six_tiers(share, expected):
    """63号 附件2 第11项: ≥10% 10; 8–10% 8; 6–8% 6; 4–6% 4; 3–4% 2; else 0 (the better of the two)."""
    assert points(Q2022, "specialised_sme", "rd", {"rd_expense": 0, "rd_intensity": share}) == expected


def test_2022_item_11_takes_the_better_of_amount_and_share():
    """A firm with 150 万元 (2 points) at 4.5 % (4 points) scores 4, not 2 and not the old 4+."""
    assert points(Q2022, "specialised_sme", "rd", {"rd_expense": 150, "rd_intensity": 4.5}) == 4


@pytest.mark.parametrize("node, metric, below, at, above", [
    ("rd_amount", "rd_expense", 99.9, 100, 100.1),      # 上年度研发费用总额不低于100万元
    ("rd_share", "rd_intensity", 2.99, 3, 3.01),        # 占营业收入比重不低于3%
    ("revenue", "revenue", 999, 1000, 1001),            # 营业收入1000万元以上
    ("niche_years", "years_in_business", 1, 2, 3),      # 从事细分市场2年以上
])
def test_2022_specialised_gates(node, metric, below, at, above):
    """63号 附件2 一、认定条件."""
    states = [status(Q2022, "specialised_sme", node, {metric: v}) for v in (below, at, above)]
    assert states == ["unmet", "met", "met"]


@pytest.mark.parametrize("node, source, below, at, above, expected", [
    ("niche_years", "metric:years_in_business", 2, 3, 4, ["unmet", "met", "met"]),
    ("main_share", "input:main_business_share", 69.9, 70, 70.1, ["unmet", "met", "met"]),
    ("growth_2y", "metric:revenue_growth_avg_2y", 4.99, 5, 5.01, ["unmet", "met", "met"]),
    ("debt", "input:debt_ratio", 69.9, 70, 70.1, ["met", "met", "unmet"]),
    ("market_share", "input:market_share", 9.9, 10, 10.1, ["unmet", "met", "met"]),
])
def test_2022_little_giant_thresholds(node, source, below, at, above, expected):
    """63号 附件3: 细分市场3年以上; 主营占比不低于70%; 近2年平均增长不低于5%; 负债不高于70%;
    全国细分市场占有率10%以上."""
    assert states(Q2022, "little_giant", node, source, (below, at, above)) == expected


@pytest.mark.parametrize("revenue, share, expected", [
    (9999, 5.9, "unmet"), (9999, 6, "met"), (10000, 2.99, "unmet"), (10000, 3, "met"),
    (4999, 6, "unmet")])
def test_2022_little_giant_rd_bands_by_revenue(revenue, share, expected):
    """63号 附件3 创新能力: 1亿元以上 近2年均≥3%; 5000万–1亿元 ≥6%; below 5000万 other route."""
    facts = {"revenue": revenue, "rd_intensity_min_2y": share}
    assert status(Q2022, "little_giant", "rd_by_size", facts,
                  {"equity_financing_2y": 0}) == expected


@pytest.mark.parametrize("main_share, total, expected", [
    (69.9, 55, "unmet"), (70, 60, "met"), (70.1, 60, "met")])
def test_2022_innovative_pass_mark_sixty(main_share, total, expected):
    """63号 附件1: 60分以上, 创新能力≥20, 成长性≥15, 专业化≥15. Ⅰ类 IP 10 + R&D 2 % 10 = 20;
    growth 12 % 15 + debt 75 % 0 = 15; not SEI 5 + 主营占比 70 % 20 (69.9 %: 15) = 25 (20)."""
    facts = {"rd_intensity": 2, "revenue_growth": 12, "strategic_emerging": False}
    inputs = {"ip_class": "Ⅰ类", "debt_ratio": 75, "main_business_share": main_share}
    score = judge(_node(Q2022.rung("innovative_sme").requires, "score"), facts, [], inputs)
    assert (score.value, score.status) == (total, expected)


@pytest.mark.parametrize("ip, innovation, expected", [("Ⅱ类", 15, "unmet"), ("Ⅰ类", 20, "met")])
def test_2022_innovative_group_minimum_twenty(ip, innovation, expected):
    """创新能力 below 20 fails however high the total: Ⅱ类 5 + R&D 2 % 10 = 15 with a total of 75."""
    facts = {"rd_intensity": 2, "revenue_growth": 15, "strategic_emerging": True}
    inputs = {"ip_class": ip, "debt_ratio": 54.9, "main_business_share": 70}
    score = judge(_node(Q2022.rung("innovative_sme").requires, "score"), facts, [], inputs)
    assert f"创新能力 {innovation}/20" in score.note and score.status == expected


# --- 工信部企业〔2026〕2号 ---------------------------------------------------------------------------

@pytest.mark.parametrize("node, source, values, expected", [
    ("niche_years", "metric:years_in_business", (2, 3, 4), ["unmet", "met", "met"]),
    ("main_share", "input:main_business_share", (79.9, 80, 80.1), ["unmet", "met", "met"]),
    ("debt", "input:debt_ratio", (79.9, 80, 80.1), ["met", "met", "unmet"]),
    ("rd_amount", "metric:rd_expense_min_2y", (99.9, 100, 100.1), ["unmet", "met", "met"]),
    ("rd_share", "metric:rd_intensity_min_2y", (2.99, 3, 3.01), ["unmet", "met", "met"]),
    ("score", "input:development_score", (49.9, 50, 50.1), ["unmet", "met", "met"]),
])
def test_2026_specialised_thresholds(node, source, values, expected):
    """2号 附件1: 细分市场3年以上; 主营占比80%以上; 资产负债率不高于80%; 近两年每年研发费用
    ≥100万元且≥3%; 专精特新发展评价得分50分以上."""
    assert states(Q2026, "specialised_sme", node, source, values) == expected


@pytest.mark.parametrize("revenue, equity, expected", [
    (1499, 0, "unmet"), (1500, 0, "met"), (1501, 0, "met"),
    (0, 1999, "unmet"), (0, 2000, "met"), (0, 2001, "met")])
def test_2026_specialised_revenue_or_financing(revenue, equity, expected):
    """2号 附件1: 上年度营业收入1500万元以上，或近两年新增股权投资2000万元以上."""
    assert status(Q2026, "specialised_sme", "revenue_or_financing", {"revenue": revenue},
                  {"equity_financing_2y": equity}) == expected


@pytest.mark.parametrize("count, award, centre, expected", [
    (0, False, False, "unmet"), (1, False, False, "met"), (2, False, False, "met"),
    (0, True, False, "met"), (0, False, True, "met")])
def test_2026_specialised_ip_or_its_exemptions(count, award, centre, expected):
    """2号 附件1: ≥1项已应用的Ⅰ类知识产权；省部级以上科技奖励前三或省部级以上研发机构可免."""
    inputs = {"ip_class1_applied": count, "sci_award_top3": award, "provincial_rd_center": centre}
    assert status(Q2026, "specialised_sme", "ip", inputs=inputs) == expected


def test_2026_specialised_requires_the_technology_and_innovation_sme_title():
    """2号: 专精特新 from 科技和创新型中小企业; a 63号 创新型 title still in validity counts."""
    assert status(Q2026, "specialised_sme", "prerequisite") == "unmet"
    assert status(Q2026, "specialised_sme", "prerequisite",
                  titles=[{"title": "创新型中小企业", "level": "省级"}]) == "met"


@pytest.mark.parametrize("node, source, values, expected", [
    ("revenue", "metric:revenue", (4999, 5000, 5001), ["unmet", "met", "met"]),
    ("main_share", "input:main_business_share", (89.9, 90, 90.1), ["unmet", "met", "met"]),
    ("rd_sum", "metric:rd_expense_sum_2y", (1199, 1200, 1201), ["unmet", "met", "met"]),
    ("rd_share", "metric:rd_intensity_min_2y", (2.99, 3, 3.01), ["unmet", "met", "met"]),
    ("ip", "input:ip_class1_applied", (3, 4, 5), ["unmet", "met", "met"]),
    ("score", "input:development_score", (59.9, 60, 60.1), ["unmet", "met", "met"]),
])
def test_2026_little_giant_thresholds(node, source, values, expected):
    """2号 附件2: 营业收入5000万元以上; 主营占比90%以上; 近两年研发费用合计1200万元以上且每年
    ≥3%; Ⅰ类知识产权4项以上; 发展评价得分60分以上."""
    assert states(Q2026, "little_giant", node, source, values) == expected


# --- 单项冠军 (工信部政法〔2023〕138号) ---------------------------------------------------------------

@pytest.mark.parametrize("years, new, expected", [
    (9, False, "unmet"), (10, False, "met"), (11, False, "met"),
    (2, True, "unmet"), (3, True, "met"), (4, True, "met"), (9, None, "unknown")])
def test_champion_ten_years_or_three_for_a_new_product(years, new, expected):
    """从事相关领域10年及以上，属于新产品的3年及以上 (2022 遴选 notice; kept by the 2023 办法)."""
    inputs = {"product_years": years} | ({} if new is None else {"new_product": new})
    assert status(CHAMPION, "single_champion", "years", inputs=inputs) == expected


@pytest.mark.parametrize("revenue, specialised, expected", [
    (39999, False, "unmet"), (40000, False, "met"), (40001, False, "met"),
    (19999, True, "unmet"), (20000, True, "met"), (20001, True, "met")])
def test_champion_revenue_four_or_two_hundred_million(revenue, specialised, expected):
    """近3年平均主营业务收入4亿元以上；省级以上专精特新企业2亿元以上."""
    titles = [{"title": "专精特新中小企业", "level": "省级"}] if specialised else []
    assert status(CHAMPION, "single_champion", "revenue", {"revenue_avg_3y": revenue},
                  titles=titles) == expected


@pytest.mark.parametrize("rank, expected", [(4, "unmet"), (3, "met"), (2, "met")])
def test_champion_global_top_three(rank, expected):
    assert status(CHAMPION, "single_champion", "global_rank", inputs={"global_rank": rank}) == expected


def test_champion_no_longer_requires_a_70_percent_product_share_and_is_manufacturing_only():
    ids = {c.id for c in CHAMPION.rung("单项冠军").requires.children}
    assert "product_share" not in ids and "rd_share" not in ids
    assert status(CHAMPION, "single_champion", "manufacturing", {"manufacturing": False}) == "unmet"


# --- 小升规 and 千百十 ------------------------------------------------------------------------------

@pytest.mark.parametrize("revenue, expected", [(1999, "unmet"), (2000, "met"), (2001, "met")])
def test_above_scale_threshold_2000(revenue, expected):
    """国家统计局: 年主营业务收入2000万元及以上的工业法人单位."""
    assert status(ABOVE, "above_scale", "revenue", {"revenue": revenue}) == expected


@pytest.mark.parametrize("revenue, held", [
    (99999, []), (100000, ["十亿企业"]), (999999, ["十亿企业"]), (1000000, ["百亿企业"]),
    (9999999, ["百亿企业"]), (10000000, ["千亿企业"]), (10000001, ["千亿企业"])])
def test_revenue_ladder_is_held_by_band_like_the_plan_indicator(revenue, held):
    """湘政发〔2026〕6号 counts 千亿 and 百亿 firms apart (主要指标 9, 10): a 1000 亿 firm is a
    千亿 firm, not also a 百亿 one — the same bands as indicators revenue_100yi/revenue_1000yi."""
    got = [r.name for r in REVENUE.rungs
           if judge(r.held, {"revenue": revenue}, [], {}).status == "met"]
    assert got == held


# --- 绿色工厂 (2024 暂行办法) and 智能工厂 (2025 要素条件) ------------------------------------------

GREEN = _ladder("绿色工厂")
SMART = _ladder("智能工厂梯度培育")


def test_green_factories_are_for_manufacturing_only_with_a_city_tier():
    """《绿色工厂梯度培育及管理暂行办法》(2024): 国家/省/市 tiers; 制造业工厂 (采矿、电力 not eligible)."""
    assert [r.name for r in GREEN.rungs] == ["市级绿色工厂", "省级绿色工厂", "国家级绿色工厂"]
    for rung in ("green_city", "green_provincial"):
        assert status(GREEN, rung, "manufacturing", {"manufacturing": False}) == "unmet"
        assert status(GREEN, rung, "manufacturing", {"manufacturing": True}) == "met"


@pytest.mark.parametrize("score, expected", [(79.9, "unmet"), (80, "met"), (80.1, "met")])
def test_green_provincial_demo_pass_mark(score, expected):
    """80 分 is the demo province's pass mark (declared 演示口径; the 办法 sets none here)."""
    assert status(GREEN, "green_provincial", "score", inputs={"assessment_score": score}) == expected


def test_smart_basic_level_no_longer_requires_digital_design_tools():
    """The 2025 要素条件 do not name 使用数字化研发设计工具; the criterion was undeclared and is gone."""
    ids = {c.id for c in SMART.rung("基础级").requires.children}
    assert ids == {"industrial", "maturity"}
    assert SMART.document.startswith("工信厅联通装函〔2025〕251号")
