"""The small demo judges its counts against targets scaled to its size, and says so.

Worked example from seed 004 (湘政发〔2026〕6号) at the small size (factor 0.1): 小巨人 base 593 → 59.3 and
target 700 → 70; 石化 营收 3400 亿元 → 340; 基础级智能工厂 2000 → 200; 先进制造业占比 51.7 % → 54 % unchanged."""

from __future__ import annotations

import pytest

from gaodi.demo.plan_scale import plan_scale_note, scaled_plan
from gaodi.plan import load_builtin_plan

PLAN = "hunan_15th_manufacturing_2026"


def by_number(plan, number):
    return next(i for i in plan.indicators if i.number == number)


def test_counts_and_totals_are_scaled_and_shares_are_not():
    plan = load_builtin_plan(PLAN)
    small = scaled_plan(plan, "small", 0.1)
    giants = by_number(small, "11")
    assert (giants.base, giants.target.value) == (pytest.approx(59.3), pytest.approx(70.0))
    clusters = by_number(small, "5")  # a range target: 国家先进制造业集群 5 → 6-7 个
    assert clusters.base == pytest.approx(0.5)
    assert (clusters.target.low, clusters.target.high) == (pytest.approx(0.6), pytest.approx(0.7))
    advanced = by_number(small, "3")
    assert (advanced.base, advanced.target.value) == (51.7, 54.0)
    assert next(t for t in small.sector_targets if t.sector == "石化").value == pytest.approx(340.0)
    smart = next(t for t in small.count_targets if t.subject == "智能工厂" and t.level == "基础级")
    assert smart.value == pytest.approx(200.0)
    note = plan_scale_note(small)
    assert note["factor"] == 0.1 and "0.1 倍" in note["text"] and "占比" in note["text"]
    assert plan_scale_note(plan) is None and scaled_plan(plan, "medium", 1.0) is plan
    assert by_number(plan, "11").target.value == 700.0  # the issued plan is left as it is


@pytest.mark.slow
def test_the_small_demo_cockpit_reads_like_the_real_one(small_demo):
    g, result = small_demo
    assert result.plan_note and result.plan_note["factor"] == 0.1 and g.plan_note() == result.plan_note
    assert by_number(g.plan(), "11").target.value == pytest.approx(70.0)
    counts = [r for r in result.monitor if r.unit in ("家", "个") and r.base is not None]
    giants = next(r for r in counts if r.number == "11")
    assert giants.base == pytest.approx(59.3)
    # the demo's 59 小巨人 against the scaled base 59.3: at the base, as the real province is, not far behind
    assert giants.value == pytest.approx(59, abs=1)
    assert not all(r.status == "behind" for r in counts), [(r.number, r.status) for r in counts]
