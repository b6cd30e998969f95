"""Judge one enterprise against a rung: every criterion met, unmet or unknown, with the gap.

Three-valued logic, so that missing data is never silently passed or failed:

- a test is ``unknown`` when its metric or input has no value (the store does not hold it, or the
  inputs file does not give it); ``all_of`` is unmet if any child is unmet, else unknown if any
  is unknown; ``any_of`` is met if any child is met, else unknown if any is unknown;
- a points table counts the known points and, for every item without data, the least and the
  most it could still give: met when even the least reaches the pass mark (and every group
  minimum), unmet when even the most cannot, unknown in between.

The gap of an unmet numeric test is how far the value is from the threshold, in its unit
(研发费用 still lacking 35 万元); of a points table, the points still lacking.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gaodi.ladders.criteria import Ladder, Node, Rule, Rung


@dataclass(frozen=True)
class Check:
    """The outcome of one criterion, with what it looked at."""

    id: str
    label: str
    kind: str
    status: str
    value: Any = None
    op: str | None = None
    threshold: Any = None
    unit: str = ""
    gap: float | None = None
    source: str = ""
    note: str = ""
    points: float | None = None
    points_range: tuple[float, float] | None = None
    max_points: float | None = None
    children: tuple[Check, ...] = ()


@dataclass(frozen=True)
class RungVerdict:
    """Whether an enterprise qualifies for a rung: ``met``, ``unmet`` or ``needs_data``."""

    ladder: str
    version: str
    rung_id: str
    rung: str
    held: bool
    status: str
    check: Check
    unmet: list[Check] = field(default_factory=list)
    unknown: list[Check] = field(default_factory=list)
    rules: str = ""  # the rules used: 文号 · 版本 · 施行期间 (Ladder.rules)


def judge_rung(ladder: Ladder, rung: Rung, facts: Mapping[str, Any],
               titles: Sequence[Mapping[str, Any]], inputs: Mapping[str, Any]) -> RungVerdict:
    """Judge one rung for one enterprise (facts from the store, titles held, supplied inputs)."""
    held = judge(rung.held, facts, titles, inputs).status == "met"
    check = judge(rung.requires, facts, titles, inputs)
    unmet, unknown = lacking(check)
    status = {"met": "met", "unmet": "unmet", "unknown": "needs_data"}[check.status]
    return RungVerdict(ladder.name, ladder.version, rung.id, rung.name, held, status, check,
                       unmet, unknown, ladder.rules)


def judge(node: Node, facts: Mapping[str, Any], titles: Sequence[Mapping[str, Any]],
          inputs: Mapping[str, Any]) -> Check:
    """Evaluate a criterion tree."""
    if node.kind in ("all_of", "any_of"):
        children = tuple(judge(c, facts, titles, inputs) for c in node.children)
        states = [c.status for c in children]
        if node.kind == "all_of":
            status = "unmet" if "unmet" in states else "unknown" if "unknown" in states else "met"
        else:
            status = "met" if "met" in states else "unknown" if "unknown" in states else "unmet"
        return Check(node.id, node.label, node.kind, status, note=node.note, children=children)
    if node.kind == "title":
        matches = [t for t in titles if t.get("title") == node.name
                   and (not node.levels or t.get("level") in node.levels)]
        wanted = node.name + (f"（{'/'.join(node.levels)}）" if node.levels else "")
        held = "、".join(f"{t['title']}{t.get('level') or ''}" for t in matches)
        return Check(node.id, node.label, "title", "met" if matches else "unmet",
                     value=held or None, threshold=wanted, source="enterprise_titles",
                     note=node.note)
    if node.kind == "score":
        return _score(node, facts, inputs)
    value = _value(node.kind, node.name, facts, inputs)
    source = f"store:{node.name}" if node.kind == "metric" else f"input:{node.name}"
    if value is None:
        return Check(node.id, node.label, node.kind, "unknown", None, node.op, node.value,
                     node.unit, source=source, note=node.note or "需要数据 (needs data)")
    ok = _compare(value, node.op, node.value)
    return Check(node.id, node.label, node.kind, "met" if ok else "unmet", value, node.op,
                 node.value, node.unit, None if ok else _gap(value, node.op, node.value),
                 source, node.note)


def lacking(check: Check) -> tuple[list[Check], list[Check]]:
    """The criteria still lacking, split into unmet and unknown (needs data).

    ``all_of`` groups are opened; an unmet or unknown ``any_of`` is reported whole (its children
    are the alternatives, any one of which would do).
    """
    unmet: list[Check] = []
    unknown: list[Check] = []

    def walk(c: Check) -> None:
        if c.status == "met":
            return
        if c.kind == "all_of":
            for child in c.children:
                walk(child)
            return
        (unmet if c.status == "unmet" else unknown).append(c)

    walk(check)
    return unmet, unknown


def _score(node: Node, facts: Mapping[str, Any], inputs: Mapping[str, Any]) -> Check:
    children = []
    low_total = high_total = 0.0
    low_group: dict[str, float] = {}
    high_group: dict[str, float] = {}
    for item in node.items:
        known = []
        open_ranges = []
        shown = None
        for rule in item.rules:
            value = _value(rule.source, rule.name, facts, inputs)
            if value is None:
                open_ranges.append((_bottom(rule), rule.top()))
            else:
                known.append(_points(rule, value))
                shown = value if shown is None else shown
        low = max([*known, *(lo for lo, _ in open_ranges)])
        high = max([*known, *(hi for _, hi in open_ranges)])
        exact = math.isclose(low, high)
        low_total += low
        high_total += high
        if item.group:
            low_group[item.group] = low_group.get(item.group, 0) + low
            high_group[item.group] = high_group.get(item.group, 0) + high
        children.append(Check(
            item.id, item.label, "score_item", "met" if exact else "unknown", value=shown,
            source=", ".join(f"{r.source}:{r.name}" for r in item.rules),
            points=low if exact else None, points_range=None if exact else (low, high),
            max_points=item.max_points,
            note="" if exact else "需要数据 (needs data)"))
    need = node.min_total or 0.0
    short = [g for g, m in node.min_groups.items() if low_group.get(g, 0) < m]
    impossible = [g for g, m in node.min_groups.items() if high_group.get(g, 0) < m]
    if low_total >= need and not short:
        status = "met"
    elif high_total < need or impossible:
        status = "unmet"
    else:
        status = "unknown"
    group_text = "；".join(f"{g} {low_group.get(g, 0):g}/{m:g}" for g, m in node.min_groups.items())
    note = node.note or (f"分组最低分：{group_text}" if group_text else "")
    return Check(node.id, node.label, "score", status, value=low_total, op=">=", threshold=need,
                 unit="分", gap=None if status == "met" else max(need - low_total, 0.0),
                 note=note, points=low_total if math.isclose(low_total, high_total) else None,
                 points_range=(low_total, high_total), children=tuple(children))


def _points(rule: Rule, value: Any) -> float:
    if rule.brackets:
        for lower, points in rule.brackets:
            if lower is None or float(value) >= lower:
                return points
        return 0.0
    if rule.choices:
        return rule.choices.get(str(value), 0.0)
    units = math.floor(float(value) / rule.per) if float(value) > 0 else 0
    return min(units * rule.points_each, rule.max_points)


def _bottom(rule: Rule) -> float:
    if rule.brackets:
        return min(p for _, p in rule.brackets) if rule.brackets[-1][0] is None else 0.0
    if rule.choices:
        return min(rule.choices.values())
    return 0.0


def _value(kind: str, name: str | None, facts: Mapping[str, Any],
           inputs: Mapping[str, Any]) -> Any:
    value = facts.get(name) if kind == "metric" else inputs.get(name)
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _compare(value: Any, op: str | None, threshold: Any) -> bool:
    if isinstance(threshold, bool) or isinstance(value, bool) or isinstance(threshold, str):
        same = value == threshold
        return same if op == "==" else not same
    v, t = float(value), float(threshold)
    return {">=": v >= t, ">": v > t, "<=": v <= t, "<": v < t, "==": v == t, "!=": v != t}[op]


def _gap(value: Any, op: str | None, threshold: Any) -> float | None:
    if isinstance(threshold, (bool, str)) or isinstance(value, (bool, str)):
        return None
    if op in (">=", ">"):
        return float(threshold) - float(value)
    if op in ("<=", "<"):
        return float(value) - float(threshold)
    return None
