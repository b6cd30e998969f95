"""Year-over-year movement and dynamic management (动态管理) of evaluated enterprises, parks, clusters.

Movement compares the classes of two evaluations under the same rule set: ``up`` (a better
class), ``down``, ``same``, ``new`` (graded this year, not last), ``left`` (graded last year, not
this). Classes are ordered as the rule set lists them, best first (A before B).

Dynamic management applies the rule set's ``dynamic`` rules to a run of yearly evaluations:

- ``loss_of_status``: among the bottom ``loss_bottom`` in each of the last
  ``loss_consecutive_years`` years (e.g. bottom five two years in a row → 取消称号/降级);
- ``warning``: among the bottom ``warning_bottom`` in the latest year (预警);
- otherwise ``up`` / ``down`` / ``same`` by rank against the year before, or ``new``.

"Bottom N" is by competition rank: rank > n − N with n graded alternatives, so alternatives tied
across the boundary share the better rank and are spared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gaodi.errors import InputError
from gaodi.evaluation.ruleset import DynamicRules
from gaodi.evaluation.store_evaluation import StoreEvaluation


@dataclass(frozen=True)
class Movement:
    """How one alternative moved between two evaluations."""

    id: str
    name: str
    change: str
    class_before: str | None
    class_after: str | None
    rank_before: int | None
    rank_after: int | None


@dataclass(frozen=True)
class DynamicVerdict:
    """The dynamic-management status of one alternative, with its ranks by year and why."""

    id: str
    name: str
    status: str
    ranks: dict[int, int | None]
    reasons: list[str] = field(default_factory=list)


def compare_years(before: StoreEvaluation, after: StoreEvaluation) -> list[Movement]:
    """Class movement of every alternative graded in either evaluation (same rule set name)."""
    _same_rules([before, after])
    order = {label: k for k, label in enumerate(after.class_labels)}
    old = {i.id: i for i in before.graded}
    new = {i.id: i for i in after.graded}
    names = {i.id: i.name for i in (*before.items, *after.items)}
    out = []
    for alt in sorted(set(old) | set(new)):
        a, b = old.get(alt), new.get(alt)
        if a is None:
            change = "new"
        elif b is None:
            change = "left"
        else:
            delta = order.get(b.class_label, 0) - order.get(a.class_label, 0)
            change = "up" if delta < 0 else "down" if delta > 0 else "same"
        out.append(Movement(
            alt, names[alt], change,
            a.class_label if a else None, b.class_label if b else None,
            a.rank if a else None, b.rank if b else None,
        ))
    rank = {"down": 0, "up": 1, "new": 2, "left": 3, "same": 4}
    return sorted(out, key=lambda m: (rank[m.change], m.id))


def dynamic_management(evaluations: Sequence[StoreEvaluation],
                       rules: DynamicRules) -> list[DynamicVerdict]:
    """Apply the dynamic rules to yearly evaluations (any order; sorted by year here)."""
    if not evaluations:
        raise InputError("动态管理至少需要一年的评价结果。",
                         "Dynamic management needs at least one year's evaluation.")
    runs = sorted(evaluations, key=lambda e: e.year)
    _same_rules(runs)
    years = [e.year for e in runs]
    if len(set(years)) != len(years):
        raise InputError("同一年份给出了两次评价结果。", "The same year was evaluated twice.",
                         fix="每年只给一次评价。")
    ranks = {e.year: {i.id: i.rank for i in e.graded} for e in runs}
    counts = {e.year: len(e.graded) for e in runs}
    latest = runs[-1]
    names = {i.id: i.name for e in runs for i in e.items}
    out = []
    for alt in sorted({i.id for i in latest.graded}):
        by_year = {y: ranks[y].get(alt) for y in years}
        reasons: list[str] = []
        status = None
        k = rules.loss_consecutive_years
        if rules.loss_bottom and len(runs) >= k:
            tail = years[-k:]
            if all(_bottom(by_year[y], counts[y], rules.loss_bottom) for y in tail):
                status = "loss_of_status"
                reasons.append(f"连续 {k} 年（{'、'.join(map(str, tail))}）排名后 "
                               f"{rules.loss_bottom} 位")
        if status is None and rules.warning_bottom and _bottom(
                by_year[latest.year], counts[latest.year], rules.warning_bottom):
            status = "warning"
            reasons.append(f"{latest.year} 年排名第 {by_year[latest.year]}/"
                           f"{counts[latest.year]}，在后 {rules.warning_bottom} 位")
        if status is None:
            previous = by_year[years[-2]] if len(years) > 1 else None
            now = by_year[latest.year]
            if previous is None:
                status = "new"
            else:
                status = "up" if now < previous else "down" if now > previous else "same"
                reasons.append(f"排名 {previous} → {now}")
        out.append(DynamicVerdict(alt, names.get(alt, alt), status, by_year, reasons))
    severity = {"loss_of_status": 0, "warning": 1, "down": 2, "up": 3, "new": 4, "same": 5}
    return sorted(out, key=lambda v: (severity[v.status], v.ranks[latest.year] or 0, v.id))


def _bottom(rank: int | None, n: int, bottom: int) -> bool:
    return rank is not None and rank > n - bottom


def _same_rules(runs: Sequence[StoreEvaluation]) -> None:
    names = {e.ruleset.get("name") for e in runs}
    if len(names) > 1:
        raise InputError(
            f"比较的评价结果来自不同的规则：{'、'.join(map(str, names))}。",
            f"The evaluations compared use different rule sets: {', '.join(map(str, names))}.",
            fix="用同一套规则评价各年。",
        )
