"""Policy matching against verdicts, amounts and gaps computed by hand."""

import datetime as dt

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gaodi.errors import InputError, NotFoundError
from gaodi.policies.attributes import EnterpriseTable
from gaodi.policies.explain import (
    enterprise_policies,
    explain,
    near_miss_gaps,
    policy_enterprises,
)
from gaodi.policies.match import match_policies
from gaodi.policies.rules import load_example_policies, parse_policy_set

POLICIES = yaml.safe_load("""
rule_set: test
version: "1"
policies:
  - id: P-REV
    name: 研发奖补
    issuer: 省工信厅
    level: provincial
    region_scope: ["43"]
    valid_from: 2026-01-01
    valid_to: 2026-12-31
    mode: application
    application_window: {start: 2026-03-01, end: 2026-03-31}
    conditions:
      - {attribute: revenue, op: ">=", value: 2, unit: 亿元}
      - {attribute: rd_intensity, op: ">=", value: 3}
    benefit: {kind: share, base: rd_expense, rate: 0.1, cap: 50, unit: 万元}
  - id: P-ANY
    name: 长沙创新奖励
    issuer: 长沙市工信局
    level: city
    region_scope: ["4301"]
    valid_from: 2026-01-01
    mode: auto
    conditions:
      any:
        - {attribute: titles, op: has_title, value: 高新技术企业}
        - {attribute: invention_patents, op: ">=", value: 5}
    benefit: {kind: fixed, amount: 200000, unit: 元}
  - id: P-PER
    name: 吸纳就业补贴
    issuer: 省人社厅
    level: provincial
    region_scope: ["43"]
    valid_from: 2026-01-01
    mode: auto
    conditions:
      - {attribute: size_class, op: "<=", value: 中型}
      - {attribute: new_hires, op: ">=", value: 5}
    benefit: {kind: per_unit, base: new_hires, amount: 1000, unit: 元, cap: 50000}
  - id: P-OLD
    name: 已到期政策
    issuer: 省工信厅
    level: provincial
    region_scope: ["43"]
    valid_from: 2024-01-01
    valid_to: 2025-12-31
    mode: auto
    benefit: {kind: fixed, amount: 1, unit: 万元}
""")

ENTERPRISES = [
    # E1 Changsha: 2.5亿元, 4%, R&D 1000万元 -> P-REV qualifies, min(10% × 1000, 50) = 50 万元.
    #   no title, 4 patents (20% short of 5) -> P-ANY near miss on the patent branch.
    #   中型, 12 hires -> P-PER 12 × 1000 元 = 1.2 万元.
    {"uscc": "E1", "name": "甲（虚构）", "region_code": "430104", "revenue": 25000, "rd_intensity": 4, "rd_expense": 1000,
         "titles": [], "invention_patents": 4, "size_class": "中型", "new_hires": 12},
    # E2 Zhuzhou: 1.6亿元 (0.4亿元 = 20% short), 3.5% -> P-REV near miss; P-ANY out of scope;
    #   小型, 80 hires -> min(80 × 1000 元, 50000 元) = 5 万元 (cap).
    {"uscc": "E2", "name": "乙（虚构）", "region_code": "430211", "revenue": 16000, "rd_intensity": 3.5, "rd_expense": 560,
         "titles": ["绿色工厂:省级"], "invention_patents": 0, "size_class": "小型", "new_hires": 80},
    # E3 Changsha: 0.5亿元 (75% short) -> P-REV not eligible; 高新技术企业 -> P-ANY 20 万元;
    #   微型, 3 hires (40% short of 5) -> P-PER not eligible.
    {"uscc": "E3", "name": "丙（虚构）", "region_code": "430111", "revenue": 5000, "rd_intensity": 1, "rd_expense": 50,
         "titles": ["高新技术企业"], "invention_patents": 1, "size_class": "微型", "new_hires": 3},
]
AS_OF = dt.date(2026, 3, 15)


@pytest.fixture(scope="module")
def result():
    return match_policies(EnterpriseTable.from_records(ENTERPRISES), parse_policy_set(POLICIES), AS_OF)


def verdicts(result, pid):
    o = result.outcome(pid)
    return {u: (["out_of_scope", "not_eligible", "near_miss", "qualifies"][v], None if np.isnan(a) else round(a, 6))
            for u, v, a in zip(result.table.uscc, o.verdict, o.amount)}


def test_verdicts_and_amounts_match_the_hand_computation(result):
    assert verdicts(result, "P-REV") == {"E1": ("qualifies", 50.0), "E2": ("near_miss", None),
                                         "E3": ("not_eligible", None)}
    assert verdicts(result, "P-ANY") == {"E1": ("near_miss", None), "E2": ("out_of_scope", None),
                                         "E3": ("qualifies", 20.0)}
    assert verdicts(result, "P-PER") == {"E1": ("qualifies", 1.2), "E2": ("qualifies", 5.0),
                                         "E3": ("not_eligible", None)}


def test_policies_out_of_their_validity_period_are_left_out(result):
    assert result.not_in_force == ("P-OLD",)
    with pytest.raises(InputError):
        result.outcome("P-OLD")


def test_summary_gives_counts_and_total_outlay(result):
    s = result.summary().set_index("policy_id")
    assert s.loc["P-PER", "total_outlay_wan"] == pytest.approx(6.2)
    assert (s.loc["P-REV", "qualifies"], s.loc["P-REV", "near_miss"], s.loc["P-REV", "not_eligible"]) == (1, 1, 1)
    assert s.loc["P-ANY", "out_of_scope"] == 1


def test_near_miss_names_the_gap_in_the_policy_unit(result):
    checks = explain(result, "E2", "P-REV")
    assert [c.holds for c in checks] == [False, True]
    assert checks[0].text == "营业收入 1.6亿元 < 2亿元，差 0.4亿元"
    assert checks[0].gap == pytest.approx(0.4) and checks[0].unit == "亿元"
    assert checks[0].text_en == "revenue 1.6亿元 < 2亿元, off by 0.4亿元"


def test_any_group_is_explained_along_its_cheapest_branch(result):
    checks = {c.condition_id: c for c in explain(result, "E1", "P-ANY")}
    assert not checks["1"].on_path and checks["2"].on_path
    assert checks["2"].text == "有效发明专利 4件 < 5件，差 1件"
    gaps = near_miss_gaps(result)
    assert gaps[["uscc", "policy_id", "condition_id"]].values.tolist() == [["E2", "P-REV", "1"], ["E1", "P-ANY", "2"]]


def test_enterprise_direction_lists_qualifying_policies_first_with_amounts(result):
    e1 = enterprise_policies(result, "E1")
    assert e1[["policy_id", "verdict"]].values.tolist() == [
        ["P-REV", "qualifies"], ["P-PER", "qualifies"], ["P-ANY", "near_miss"]]
    assert e1.amount_wan[:2].tolist() == [50.0, 1.2] and np.isnan(e1.amount_wan[2])
    assert e1.loc[0, "action"].startswith("通知申报") and e1.loc[0, "window_open"]
    assert e1.loc[1, "action"].startswith("直接兑付") and e1.loc[1, "window_open"] is None
    assert e1.loc[2, "lacking"] == "有效发明专利 4件 < 5件，差 1件"
    with pytest.raises(NotFoundError):
        enterprise_policies(result, "E9")


def test_policy_direction_lists_whom_to_pay_and_the_near_misses(result):
    rev = policy_enterprises(result, "P-REV")
    assert rev[["uscc", "verdict", "amount_wan"]].fillna(0).values.tolist() == [
        ["E1", "qualifies", 50.0], ["E2", "near_miss", 0]]
    assert rev.loc[1, "lacking"] == "营业收入 1.6亿元 < 2亿元，差 0.4亿元"
    per = policy_enterprises(result, "P-PER", include_near_misses=False)
    assert set(per["action"]) == {"直接兑付"}


def test_missing_data_fails_the_condition_and_says_so():
    table = EnterpriseTable.from_records([{"uscc": "E4", "region_code": "430104", "revenue": 30000}])
    r = match_policies(table, parse_policy_set(POLICIES), AS_OF)
    [check] = [c for c in explain(r, "E4", "P-REV") if c.missing]
    assert check.text == "研发投入强度 数据缺失（要求 ≥ 3%）"
    assert r.outcome("P-REV").verdict[0] == 2  # one missing value within reach: near miss


def test_example_policy_set_matches_one_enterprise_as_computed_by_hand():
    """技改奖补 HN-TECH-RENOVATION: 8% × 2500 万元 = 200 万元 (< cap 500); 长沙智能化改造: 10% × 2500 = 250
    (< cap 300); 研发费用加计扣除 25% × 800 = 200; 研发奖补 3% × 800 = 24; 小巨人 100 + 长沙配套 50;
    数字化转型 HN-DIGITAL-TRANSFORM (智能工厂 先进 ≥ 先进): 5% × 2500 = 125 (< cap 300)."""
    rules = load_example_policies()
    assert len(rules.policies) == 29 and {p.level for p in rules.policies} == {"national", "provincial", "city"}
    firm = {"uscc": "A", "region_code": "430104", "industry_code": "3981", "titles": ["专精特新小巨人"], "above_scale": True,
                "revenue": 16000, "revenue_prev": 12000, "rd_expense": 800, "rd_intensity": 5, "investment": 2500, "mu_class": "B",
                "serious_violation": False, "smart_factory_level": "先进"}
    r = match_policies(EnterpriseTable.from_records([firm]), rules, dt.date(2026, 3, 20))
    q = enterprise_policies(r, "A").query("verdict == 'qualifies'").set_index("policy_id")["amount_wan"]
    assert q.to_dict() == {"CS-SMART-RENOVATION": 250, "CN-RD-DEDUCTION": 200, "HN-TECH-RENOVATION": 200,
                           "HN-XJR-AWARD": 100, "CS-XJR-MATCH": 50, "HN-RD-REWARD": 24,
                           "HN-DIGITAL-TRANSFORM": 125}
    assert "CN-XJR-CENTRAL" in r.not_in_force  # ended 2025-12-31


@settings(max_examples=40, deadline=None)
@given(revenue=st.lists(st.floats(0, 60000, allow_nan=False), min_size=1, max_size=30),
       rd=st.floats(0, 5000, allow_nan=False))
def test_vectorised_verdicts_agree_with_a_direct_reading_of_the_rule(revenue, rd):
    """P-REV by hand: qualifies iff revenue ≥ 20000 万元 and intensity ≥ 3; near miss iff revenue is at most
    30% short; amount min(0.1 × rd, 50) 万元 rounded to the yuan."""
    records = [{"uscc": f"X{i}", "region_code": "430104", "revenue": v, "rd_intensity": 3, "rd_expense": rd}
               for i, v in enumerate(revenue)]
    r = match_policies(EnterpriseTable.from_records(records), parse_policy_set(POLICIES), AS_OF)
    o = r.outcome("P-REV")
    for v, verdict, amount in zip(revenue, o.verdict, o.amount):
        assert (verdict == 3) == (v >= 20000)
        assert (verdict == 2) == (20000 * 0.7 <= v < 20000)
        if verdict == 3:
            assert amount == pytest.approx(min(0.1 * rd, 50), abs=0.5e-4)  # rounded to the yuan


def test_an_any_group_with_a_single_condition_is_explained_like_that_condition():
    doc = {**POLICIES, "policies": [{**POLICIES["policies"][0], "id": "P-ONE", "conditions": {
        "any": [{"attribute": "revenue", "op": ">=", "value": 2, "unit": "亿元"}]}}]}
    r = match_policies(EnterpriseTable.from_records(ENTERPRISES), parse_policy_set(doc), AS_OF)
    assert r.outcome("P-ONE").verdict.tolist() == [3, 2, 1]
    assert [c.text for c in explain(r, "E2", "P-ONE")] == ["营业收入 1.6亿元 < 2亿元，差 0.4亿元"]
