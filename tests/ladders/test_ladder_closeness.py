"""Candidates ranked by closeness to a rung: a worked example (issue 15, item 3).

Four enterprises before a rung of three criteria — 营业收入 ≥ 1 000 万元, 研发费用 ≥ 100 万元 and a points
table ≥ 60 分 — worked by hand:

| firm | 营业收入 | 研发费用 | points | met | unmet | shortfall Σ gap/threshold | missing | rank |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| P | 1 200 ✓ | 120 ✓ | 70 ✓ | 3 | 0 | 0 | 0 | 1 |
| Q | 1 500 ✓ | no data | 65 ✓ | 2 | 0 | 0 | 1 | 2 |
| R | 1 100 ✓ | 95 ✗ (5) | 48 ✗ (12) | 1 | 2 | 5/100 + 12/60 = 0.25 | 0 | 4 |
| S | 900 ✗ (100) | 130 ✓ | no data | 1 | 1 | 100/1000 = 0.1 | 1 | 3 |

S fails one criterion and lacks data for another: missing data is not a failure, so S (one unmet)
ranks before R (two unmet), although R has no missing data.
"""

from __future__ import annotations

from gaodi.ladders.closeness import closeness, rank_by_closeness
from gaodi.ladders.judge import Check, RungVerdict


def _leaf(cid, label, value, threshold, unit):
    if value is None:
        return Check(cid, label, "metric", "unknown", None, ">=", threshold, unit)
    ok = value >= threshold
    return Check(cid, label, "metric", "met" if ok else "unmet", value, ">=", threshold, unit,
                 None if ok else threshold - value)


def _points(value):
    if value is None:
        return Check("pts", "评分", "score", "unknown", None, ">=", 60, "分")
    ok = value >= 60
    return Check("pts", "评分", "score", "met" if ok else "unmet", value, ">=", 60, "分", None if ok else 60 - value)


def _verdict(revenue, rd, points) -> RungVerdict:
    leaves = (_leaf("rev", "营业收入", revenue, 1000, "万元"), _leaf("rd", "研发费用", rd, 100, "万元"), _points(points))
    states = [c.status for c in leaves]
    status = "unmet" if "unmet" in states else "unknown" if "unknown" in states else "met"
    root = Check("all", "全部条件", "all_of", status, children=leaves)
    return RungVerdict("测试梯度", "1", "r", "测试梯级", False,
                       {"met": "met", "unmet": "unmet", "unknown": "needs_data"}[status], root,
                       [c for c in leaves if c.status == "unmet"], [c for c in leaves if c.status == "unknown"])


FIRMS = {"R": (1100, 95, 48), "S": (900, 130, None), "Q": (1500, None, 65), "P": (1200, 120, 70)}


def test_candidates_are_ranked_by_unmet_count_then_shortfall_with_missing_data_kept_apart():
    ranked = rank_by_closeness([closeness(k, k, "430100", _verdict(*v)) for k, v in FIRMS.items()])
    assert [r.uscc for r in ranked] == ["P", "Q", "S", "R"]
    assert [r.rank for r in ranked] == [1, 2, 3, 4]
    by = {r.uscc: r for r in ranked}
    assert [(by[k].met, by[k].unmet, by[k].missing) for k in "PQRS"] == [(3, 0, 0), (2, 0, 1), (1, 2, 0), (1, 1, 1)]
    assert by["R"].shortfall == 0.25 and by["S"].shortfall == 0.1
    assert by["R"].points_short == 12 and by["P"].points_short is None


def test_one_line_names_the_nearest_gaps_first_in_plain_chinese_and_the_missing_data_apart():
    by = {k: closeness(k, k, None, _verdict(*v)) for k, v in FIRMS.items()}
    assert by["R"].nearest == ["研发费用差 5 万元", "评分差 12分"]  # 5 % short before 20 % short
    assert by["R"].line == "研发费用差 5 万元；评分差 12分"
    assert by["S"].line == "营业收入差 100 万元（另有 1 项缺数据：评分）"
    assert by["P"].line == "已满足全部条件"
    assert by["Q"].line == "已知条件均满足（另有 1 项缺数据：研发费用）"
