"""Explain policy verdicts, condition by condition, in both directions.

* :func:`explain` — one enterprise and one policy: every leaf condition with the enterprise's value,
  the requirement, whether it holds and the gap ("营业收入 1.6亿元 < 2亿元，差 0.4亿元").
* :func:`enterprise_policies` — enterprise → policies: verdict, estimated amount, what is missing.
* :func:`policy_enterprises` — policy → enterprises to pay directly (免申即享) or to notify (申报),
  with the near misses and what each lacks.
* :func:`near_miss_gaps` — every failing condition of every near miss, one row each.

For an ``any`` group that fails, the explanation follows its cheapest child (the one needing the
fewest changes), which is the advice an enterprise can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gaodi.errors import NotFoundError
from gaodi.policies.conditions import Group, Leaf
from gaodi.policies.gaps import describe, gap_unit
from gaodi.policies.match import NEAR_MISS, QUALIFIES, VERDICTS, MatchResult, PolicyOutcome
from gaodi.policies.rules import MODES

__all__ = ["ConditionCheck", "enterprise_policies", "explain", "near_miss_gaps", "policy_enterprises"]

@dataclass(frozen=True)
class ConditionCheck:
    """One leaf condition for one enterprise. ``gap`` is in ``unit`` (levels for scales)."""

    condition_id: str
    attribute: str
    requirement: str
    actual: str
    holds: bool
    missing: bool
    on_path: bool
    gap: float | None
    unit: str
    text: str
    text_en: str


def explain(result: MatchResult, uscc: str, policy_id: str) -> list[ConditionCheck]:
    """Every leaf condition of ``policy_id`` checked for enterprise ``uscc``, in policy order.

    ``on_path`` is False for the branches of an ``any`` group that the explanation does not follow.
    """
    row = _row(result, uscc)
    outcome = result.outcome(policy_id)
    rows = np.array([row])
    paths = _paths(outcome, rows)
    checks = []
    for j, leaf in enumerate(outcome.leaves):
        status = int(outcome.status[j, row])
        d = describe(result.table, leaf, rows, np.array([status]))
        gap = None if np.isnan(d.gap[0]) else float(d.gap[0])
        checks.append(ConditionCheck(leaf.id, leaf.attribute, leaf.shown, str(d.actual[0]), status == 1,
                                     status == -1, bool(paths[leaf.id][0]), gap, gap_unit(leaf),
                                     str(d.text[0]), str(d.text_en[0])))
    return checks


def enterprise_policies(result: MatchResult, uscc: str, include_not_eligible: bool = False) -> pd.DataFrame:
    """The policies of one enterprise: qualifying ones (with amounts) first, then near misses."""
    row = _row(result, uscc)
    records = []
    for o in result.outcomes:
        verdict = int(o.verdict[row])
        if verdict < NEAR_MISS and not include_not_eligible:
            continue
        p = o.policy
        lacking = [c.text for c in explain(result, uscc, p.id) if not c.holds and c.on_path] \
            if verdict != QUALIFIES and verdict != 0 else []
        records.append({
            "policy_id": p.id, "name": p.name, "level": p.level, "issuer": p.issuer,
            "document_number": p.document_number, "mode": MODES[p.mode], "verdict": VERDICTS[verdict][0],
            "verdict_label": VERDICTS[verdict][1], "amount_wan": float(o.amount[row]),
            "benefit": p.benefit.description, "conditions_to_meet": int(o.to_fix[row]) if verdict else None,
            "lacking": "；".join(lacking), "window_start": p.window[0] if p.window else None,
            "window_end": p.window[1] if p.window else None, "window_open": p.window_open(result.as_of),
            "action": _action(p.mode, verdict), "example": p.example})
    frame = pd.DataFrame(records)
    if frame.empty:
        return frame
    frame["_order"] = -frame["verdict"].map({v[0]: k for k, v in VERDICTS.items()})
    frame = frame.sort_values(["_order", "amount_wan", "conditions_to_meet", "policy_id"],
                              ascending=[True, False, True, True], na_position="last")
    return frame.drop(columns="_order").reset_index(drop=True)


def policy_enterprises(result: MatchResult, policy_id: str, include_near_misses: bool = True) -> pd.DataFrame:
    """The enterprises of one policy: whom to pay or notify, and (optionally) the near misses."""
    o = result.outcome(policy_id)
    wanted = (o.verdict == QUALIFIES) | ((o.verdict == NEAR_MISS) if include_near_misses else False)
    rows = np.flatnonzero(wanted)
    frame = result.table.frame
    out = pd.DataFrame({
        "uscc": result.table.uscc[rows],
        "name": frame["name"].to_numpy()[rows] if "name" in frame else None,
        "region_code": frame["region_code"].to_numpy()[rows],
        "verdict": [VERDICTS[int(v)][0] for v in o.verdict[rows]],
        "amount_wan": o.amount[rows],
        "conditions_to_meet": o.to_fix[rows],
        "action": [_action(o.policy.mode, int(v)) for v in o.verdict[rows]],
    })
    if include_near_misses and len(rows):
        gaps = near_miss_gaps(result, [policy_id])
        lacking = gaps.groupby("uscc", sort=False)["text"].agg("；".join)
        out["lacking"] = [lacking.get(u, "") for u in out["uscc"]]
    return out.sort_values(["verdict", "amount_wan"], ascending=[False, False]).reset_index(drop=True)


def near_miss_gaps(result: MatchResult, policy_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per failing condition (on the cheapest path) of every near miss."""
    parts = []
    chosen = set(policy_ids) if policy_ids is not None else None
    for o in result.outcomes:
        if chosen is not None and o.policy.id not in chosen:
            continue
        near = np.flatnonzero(o.verdict == NEAR_MISS)
        if not len(near):
            continue
        paths = _paths(o, near)
        for j, leaf in enumerate(o.leaves):
            status = o.status[j, near]
            fails = (status != 1) & paths[leaf.id]
            if not fails.any():
                continue
            rows = near[fails]
            d = describe(result.table, leaf, rows, status[fails])
            parts.append(pd.DataFrame({
                "uscc": result.table.uscc[rows], "policy_id": o.policy.id, "condition_id": leaf.id,
                "attribute": leaf.attribute, "requirement": leaf.shown, "actual": d.actual, "gap": d.gap,
                "unit": gap_unit(leaf), "text": d.text, "text_en": d.text_en}))
    columns = ["uscc", "policy_id", "condition_id", "attribute", "requirement", "actual", "gap", "unit",
               "text", "text_en"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


# -- internals ------------------------------------------------------------------------------------

def _row(result: MatchResult, uscc: str) -> int:
    row = result.table.row_of(uscc)
    if row is None:
        raise NotFoundError(message=f"企业表中没有 {uscc}", message_en=f"no enterprise {uscc} in the table",
                            fix="检查统一社会信用代码 (check the USCC)")
    return row


def _action(mode: str, verdict: int) -> str:
    if verdict == QUALIFIES:
        return "直接兑付" if mode == "auto" else "通知申报"
    if verdict == NEAR_MISS:
        return "辅导补齐条件"
    return ""


def _paths(outcome: PolicyOutcome, rows: np.ndarray) -> dict[str, np.ndarray]:
    """For each leaf, whether it lies on the explained path for each of ``rows``."""
    out: dict[str, np.ndarray] = {}

    def walk(node: Group | Leaf, mask: np.ndarray) -> None:
        if isinstance(node, Leaf):
            out[node.id] = mask
            return
        picked = outcome.choice.get(node.id) if node.kind == "any" else None  # None: all, or one child
        for i, child in enumerate(node.children):
            walk(child, mask if picked is None else mask & (picked[rows] == i))

    walk(outcome.policy.conditions, np.ones(len(rows), dtype=bool))
    return out
