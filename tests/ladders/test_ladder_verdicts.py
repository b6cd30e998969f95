"""Ladder verdicts against hand-checked enterprises (ladder_store.py gives their facts).

Criteria: 工信部企业〔2022〕63号 附件1–3 (创新型 six-indicator table with its group minima 20/15/15;
专精特新 gates and the 13-indicator table; 小巨人 R&D bands by revenue), 小升规 at 2000 万元,
the 千百十 rungs at 10/100/1000 亿元.
"""

from __future__ import annotations

import math

import pytest
from ladder_store import build, find

from gaodi.ladders import (
    build_facts,
    candidates,
    enterprise_facts,
    funnel,
    held_titles,
    judge_rung,
    ladder_status,
    list_ladders,
)

SPECIALISED_INPUTS = {
    "compliant": True, "main_business_share": 85, "product_field": "其他", "digital_level": 2,
    "quality_items": 1, "net_margin": 5, "debt_ratio": 45, "local_feature_points": 0,
    "ip_class": "Ⅱ类", "rd_staff_share": 12, "rd_institution": "市级", "sci_award_rank": False,
    "equity_financing_2y": 0, "maker_china_500": False,
}


@pytest.fixture(scope="module")
def store():
    g = build()
    yield g.store
    g.close()


@pytest.fixture(scope="module")
def facts(store):
    return enterprise_facts(store, 2025)


@pytest.fixture(scope="module")
def quality():
    """The 2022 rules (工信部企业〔2022〕63号), in force until 2026-03-31."""
    return next(ladder for ladder in list_ladders()
                if ladder.name == "优质中小企业梯度培育" and ladder.version == "2022")


def _facts(facts, uscc):
    return {k: (None if isinstance(v, float) and math.isnan(v) else v)
            for k, v in facts.loc[uscc].items()}


_find = find


def test_facts_derive_growth_rd_intensity_and_sme_status(facts):
    l1 = facts.loc["L1"]
    assert l1["revenue_growth"] == pytest.approx(20.0)
    assert l1["revenue_growth_avg_2y"] == pytest.approx(22.5)
    assert l1["rd_intensity"] == pytest.approx(4.0)
    assert l1["rd_intensity_min_2y"] == pytest.approx(3.6)
    assert l1["rd_expense_avg_2y"] == pytest.approx(105.0)
    assert l1["years_in_business"] == 10
    assert l1["is_sme"] is True and l1["strategic_emerging"] is True
    assert facts.loc["L3"]["strategic_emerging"] is False
    assert facts.loc["L2"]["revenue_growth_avg_2y"] == pytest.approx((100 / 6 + 100 / 7) / 2)


def test_innovative_sme_without_inputs_needs_data_with_the_possible_point_range(facts, quality):
    """L3 known points: R&D 2 % → 10 (2%–3%), growth 25 % → 20, not 战略性新兴 → 5: 35.
    Unknown: 知识产权 0–20, 资产负债率 0–10, 主营业务占比 0–20 → total between 35 and 85."""
    rung = quality.rung("创新型")
    verdict = judge_rung(quality, rung, _facts(facts, "L3"), [], {})
    assert verdict.status == "needs_data"
    score = _find(verdict.check, "score")
    assert score.status == "unknown"
    assert score.points_range == (35.0, 85.0)
    assert score.gap == 25.0
    assert {c.id for c in verdict.unknown} == {"compliant", "route"}


def test_innovative_sme_group_minimum_fails_even_when_the_total_passes(facts, quality):
    """With Ⅱ类 IP (5), debt 60 % (5), main business 90 % (20): total 5+10+20+5+5+20 = 65 ≥ 60,
    but 创新能力 = 5 + 10 = 15 < 20 → unmet; with Ⅰ类 IP (10) 创新能力 = 20 → met at 70."""
    rung = quality.rung("innovative_sme")
    given = {"compliant": True, "ip_class": "Ⅱ类", "debt_ratio": 60, "main_business_share": 90,
             "sci_award_3y": False, "innovation_honour": False, "provincial_rd_center": False,
             "equity_financing_3y": 0}
    verdict = judge_rung(quality, rung, _facts(facts, "L3"), [], given)
    score = _find(verdict.check, "score")
    assert (score.status, score.value) == ("unmet", 65.0)
    assert "创新能力 15/20" in score.note
    assert verdict.status == "unmet"
    better = judge_rung(quality, rung, _facts(facts, "L3"), [], {**given, "ip_class": "Ⅰ类"})
    assert better.status == "met"
    assert _find(better.check, "score").value == 70.0


def test_specialised_sme_gates_met_but_score_short_by_twelve_points(facts, quality, store):
    """L1 meets every gate (R&D 120 ≥ 100 万元, 4 % ≥ 3 %, revenue 3000 ≥ 1000, 10 years ≥ 2,
    holds 创新型). Points: 主营占比 85 % → 5, 两年增长 22.5 % → 10, 10 年 → 5, 其他领域 0,
    数字化二级 3, 质量 1 项 3, 净利率 5 % → 4, 负债 45 % → 5, 特色 0, Ⅱ类 IP 2,
    R&D max(120 万 → 4, 4 % → 4) = 4, 研发人员 12 % → 3, 市级研发机构 4 = 48 < 60 (差 12 分).
    Direct routes: R&D mean 105 万 < 1000 (差 895 万), others answered no → unmet."""
    titles = held_titles(store, 2025)["L1"]
    verdict = judge_rung(quality, quality.rung("专精特新"), _facts(facts, "L1"), titles,
                         SPECIALISED_INPUTS)
    assert verdict.status == "unmet"
    assert [c.id for c in verdict.unmet] == ["route"] and verdict.unknown == []
    score = _find(verdict.check, "score")
    assert (score.value, score.gap) == (48.0, 12.0)
    rd_avg = _find(verdict.check, "rd_avg")
    assert rd_avg.gap == pytest.approx(895.0)
    without = judge_rung(quality, quality.rung("专精特新"), _facts(facts, "L1"), titles, {})
    assert without.status == "needs_data" and without.unmet == []


def test_specialised_sme_unmet_gates_report_their_gaps(facts, quality):
    """L3 is not 创新型, R&D 30 万 (差 70 万 to 100), 2 % (差 1 point to 3 %)."""
    verdict = judge_rung(quality, quality.rung("专精特新"), _facts(facts, "L3"), [], {})
    gaps = {c.id: c.gap for c in verdict.unmet}
    assert gaps == {"innovative": None, "rd_amount": pytest.approx(70.0),
                    "rd_share": pytest.approx(1.0)}


def test_little_giant_middle_revenue_band_met_and_the_rest_needs_data(facts, quality, store):
    """L2: revenue 8000 万 is in 5000万–1亿 and both years' R&D shares (6.43 %, 6.5 %) ≥ 6 %."""
    titles = held_titles(store, 2025)["L2"]
    verdict = judge_rung(quality, quality.rung("小巨人"), _facts(facts, "L2"), titles, {})
    assert _find(verdict.check, "band_middle").status == "met"
    assert _find(verdict.check, "band_large").status == "unmet"
    assert _find(verdict.check, "growth_2y").status == "met"
    assert verdict.status == "needs_data" and verdict.unmet == []
    assert "market_share" in {c.id for c in verdict.unknown}


def test_status_lists_titles_next_rung_and_gaps(store):
    status = ladder_status(store, "L2", 2025)
    by = {p.ladder: p for p in status.positions}
    # Titles granted under 63号 (2023, 2024) still count under the 2026 rules until they expire.
    assert by["优质中小企业梯度培育"].held == ["科技和创新型中小企业", "专精特新中小企业"]
    assert by["优质中小企业梯度培育"].version == "2026"
    assert by["优质中小企业梯度培育"].next_rung == "专精特新小巨人"
    above = ladder_status(store, "L3", 2025).positions
    small = next(p for p in above if p.ladder == "小升规").verdict
    assert (small.status, small.unmet[0].gap) == ("unmet", 500.0)
    big = next(p for p in ladder_status(store, "L5", 2025).positions if p.ladder == "千百十企业")
    assert big.held == ["十亿企业"] and big.next_rung == "百亿企业"
    assert big.verdict.unmet[0].gap == 850000.0


def test_candidates_and_city_funnel(store):
    found = candidates(store, "小升规", 2025, city="430100", include_one_short=True)
    assert [(c.uscc, c.verdict.status) for c in found] == [("L4", "met"), ("L3", "unmet")]
    rows = {(r.city_code, r.rung): r for r in funnel(store, 2025)}
    above = rows[("430100", "规模以上工业企业")]
    assert (above.enterprises, above.holders, above.met, above.one_short) == (4, 2, 1, 1)
    assert rows[("430200", "十亿企业")].holders == 1


def test_missing_revenue_history_leaves_growth_unknown_not_zero():
    import pandas as pd

    frame = pd.DataFrame({
        "uscc": ["X"], "name": ["x"], "region_code": ["430102"], "city_code": ["430100"],
        "park_id": [None], "industry_code": ["3911"], "section": ["C"], "founded_year": [2020],
        "above_scale": [True], "revenue": [100.0], "prev_revenue": [None], "rd_expense": [1.0],
        "prev_rd_expense": [None], "employees": [5], "profit": [1.0], "value_added": [20.0],
        "energy_tce": [2.0]}).set_index("uscc", drop=False)
    facts = build_facts(frame, pd.Series([None], index=["X"]), pd.Series([True], index=["X"]),
                        pd.Series(dtype=bool), 2025)
    assert pd.isna(facts.loc["X", "revenue_growth"])
    assert pd.isna(facts.loc["X", "rd_intensity_min_2y"])
