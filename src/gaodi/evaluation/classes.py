"""A/B/C/D classes (分类评价) from score bounds or from rank percentiles.

亩均效益 evaluations put enterprises into classes A (优先支持), B (鼓励提升), C (帮扶转型) and
D (倒逼整治), either by fixed score bounds or by the share of enterprises ranked above them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gaodi.errors import InputError
from gaodi.evaluation.results import rank_descending

DEFAULT_PERCENTILE_CUTS: tuple[tuple[str, float], ...] = (
    ("A", 0.25),
    ("B", 0.70),
    ("C", 0.95),
    ("D", 1.0),
)
"""A: top 25 %; B: to 70 %; C: to 95 %; D: the rest."""

_EPS = 1e-9


@dataclass(frozen=True)
class ClassBound:
    """Scores s with lower ≤ s < upper fall in ``label``; None is an open end.

    The upper end of the highest class is inclusive, so a top score equal to it is classed.
    """

    label: str
    lower: float | None
    upper: float | None


def check_bounds(
    bounds: Sequence[ClassBound] | Mapping[str, tuple[float | None, float | None]],
) -> list[ClassBound]:
    """Return the bounds sorted from the highest class down; reject overlaps, gaps, empty ranges."""
    if isinstance(bounds, Mapping):
        bounds = [ClassBound(str(k), *_pair(k, v)) for k, v in bounds.items()]
    items = list(bounds)
    if not items:
        raise InputError(
            "没有给出分类分数线。",
            "No class bounds were given.",
            fix="例如 A: 80 以上，B: 60–80，C: 40–60，D: 40 以下。",
        )
    labels = [b.label for b in items]
    if len(set(labels)) != len(labels):
        raise InputError(f"分类标签重复：{labels}。", f"Duplicate class labels: {labels}.")
    for b in items:
        lo = -math.inf if b.lower is None else float(b.lower)
        hi = math.inf if b.upper is None else float(b.upper)
        if not lo < hi:
            raise InputError(
                f"类别 {b.label} 的下限 {b.lower} 不小于上限 {b.upper}。",
                f"Class {b.label}: lower bound {b.lower} is not below upper bound {b.upper}.",
                fix="每一类写成 [下限, 上限)，下限小于上限。",
            )
    ordered = sorted(
        items, key=lambda b: -math.inf if b.lower is None else float(b.lower), reverse=True
    )
    for upper_class, lower_class in zip(ordered, ordered[1:]):
        top = math.inf if lower_class.upper is None else float(lower_class.upper)
        start = -math.inf if upper_class.lower is None else float(upper_class.lower)
        low, high = lower_class.label, upper_class.label
        if top > start:
            raise InputError(
                f"类别 {low} 与 {high} 的分数区间重叠（{top:g} > {start:g}）。",
                f"Classes {low} and {high} overlap ({top:g} > {start:g}).",
                fix=f"令 {low} 的上限等于 {high} 的下限。",
            )
        if top < start:
            raise InputError(
                f"类别 {low} 与 {high} 之间有空档（{top:g} 到 {start:g}）。",
                f"Gap between classes {low} and {high} ({top:g} to {start:g}).",
                fix=f"令 {low} 的上限等于 {high} 的下限。",
            )
    return ordered


def classify_by_thresholds(
    scores: pd.Series,
    bounds: Sequence[ClassBound] | Mapping[str, tuple[float | None, float | None]],
) -> pd.Series:
    """Give each alternative the class whose score interval [lower, upper) holds its score.

    The bounds must tile the line without overlap or gap (checked by :func:`check_bounds`). A
    score outside every class (below the lowest finite lower bound, above the highest finite
    upper bound) is an input error that names the alternative.
    """
    ordered = check_bounds(bounds)
    labels = {}
    for alt_id, score in scores.items():
        s = float(score)
        for k, b in enumerate(ordered):
            lo = -math.inf if b.lower is None else float(b.lower)
            hi = math.inf if b.upper is None else float(b.upper)
            if lo <= s < hi or (k == 0 and s == hi):
                labels[alt_id] = b.label
                break
        else:
            raise InputError(
                f"评价对象 {alt_id} 的得分 {s:g} 不在任何类别的分数区间内。",
                f"The score {s:g} of {alt_id} falls outside every class.",
                fix="把最高类的上限或最低类的下限放开（留空）。",
            )
    return pd.Series(labels, name="class", dtype=object).reindex(scores.index)


def check_cuts(cuts: Sequence[tuple[str, float]] | Mapping[str, float]) -> list[tuple[str, float]]:
    """Check cumulative shares (best class first): increasing within (0, 1], the last equal to 1."""
    items = list(cuts.items()) if isinstance(cuts, Mapping) else [tuple(c) for c in cuts]
    if not items:
        raise InputError(
            "没有给出分类比例。",
            "No class shares were given.",
            fix="例如 A=0.25, B=0.70, C=0.95, D=1。",
        )
    labels = [str(k) for k, _ in items]
    if len(set(labels)) != len(labels):
        raise InputError(f"分类标签重复：{labels}。", f"Duplicate class labels: {labels}.")
    previous = 0.0
    out = []
    for label, share in items:
        value = 1.0 if share is None else float(share)
        if not previous < value <= 1.0:
            raise InputError(
                f"类别 {label} 的累计比例 {share} 须大于上一类（{previous:g}）且不超过 1。",
                f"Cumulative share {share} of class {label} must exceed "
                f"the previous one ({previous:g}) and be ≤ 1.",
                fix="按从好到差的顺序给出累计比例，如 A=0.25, B=0.70, C=0.95, D=1。",
            )
        out.append((str(label), value))
        previous = value
    if abs(previous - 1.0) > _EPS:
        raise InputError(
            f"最后一类的累计比例为 {previous:g}，应为 1。",
            f"The last cumulative share is {previous:g}; it must be 1.",
            fix="最后一类写 1（即“其余”）。",
        )
    return out


def classify_by_percentile(
    scores: pd.Series,
    cuts: Sequence[tuple[str, float]] | Mapping[str, float] = DEFAULT_PERCENTILE_CUTS,
) -> pd.Series:
    """Give each alternative a class by the share of alternatives ranked at or above it.

    With n alternatives and competition rank r_i (1 = best, ties share the best rank), the rank
    percentile is p_i = r_i / n; the class is the first (best) one whose cumulative share c
    satisfies p_i ≤ c. Without ties exactly floor(c · n) alternatives fall in that class or
    better (A top 25 % of 10 alternatives: ranks 1–2). Ties: tied alternatives share the better
    rank and therefore always share a class, so a class may hold more than its share when a tie
    straddles a boundary; nobody is pushed down by a tie.
    """
    ordered = check_cuts(cuts)
    n = len(scores)
    if n == 0:
        return pd.Series([], name="class", dtype=object)
    ranks = rank_descending(scores.astype(float))
    p = ranks.to_numpy() / n
    labels = np.empty(n, dtype=object)
    for i, value in enumerate(p):
        labels[i] = next(label for label, c in ordered if value <= c + _EPS)
    return pd.Series(labels, index=scores.index, name="class", dtype=object)


def _pair(label: object, value: object) -> tuple[float | None, float | None]:
    try:
        lower, upper = value  # type: ignore[misc]
        return (None if lower is None else float(lower), None if upper is None else float(upper))
    except (TypeError, ValueError):
        raise InputError(
            f"类别 {label} 的分数区间 {value!r} 应为 [下限, 上限]。",
            f"Bounds of class {label} must be [lower, upper], got {value!r}.",
            fix="开放的一端写 null，例如 A: [80, null]。",
        ) from None


@dataclass(frozen=True)
class ClassScheme:
    """How to class alternatives: by rank percentile (cumulative shares) or by score bounds."""

    kind: str
    cuts: tuple[tuple[str, float], ...] = DEFAULT_PERCENTILE_CUTS
    bounds: tuple[ClassBound, ...] = ()

    @classmethod
    def percentile(
        cls, cuts: Sequence[tuple[str, float]] | Mapping[str, float] = DEFAULT_PERCENTILE_CUTS
    ) -> ClassScheme:
        return cls("percentile", cuts=tuple(check_cuts(cuts)))

    @classmethod
    def thresholds(
        cls, bounds: Sequence[ClassBound] | Mapping[str, tuple[float | None, float | None]]
    ) -> ClassScheme:
        return cls("thresholds", bounds=tuple(check_bounds(bounds)))

    def apply(self, scores: pd.Series) -> pd.Series:
        """Class labels for the scores (larger is better)."""
        if self.kind == "thresholds":
            return classify_by_thresholds(scores, list(self.bounds))
        return classify_by_percentile(scores, list(self.cuts))

    def describe(self) -> dict[str, object]:
        if self.kind == "thresholds":
            return {
                "kind": "thresholds",
                "bounds": {b.label: [b.lower, b.upper] for b in self.bounds},
            }
        return {"kind": "percentile", "cuts": dict(self.cuts)}
