"""How stable a ranking is to the choice of method or weights (排名稳健性)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.stats import kendalltau, spearmanr

from gaodi.errors import InputError
from gaodi.evaluation.results import EvaluationResult, rank_descending


@dataclass(frozen=True)
class RankAgreement:
    """Rank correlation between the rankings of two methods (1 = identical order)."""

    method_a: str
    method_b: str
    spearman: float
    kendall: float


@dataclass(frozen=True)
class RankMove:
    """An alternative whose rank differs between methods: its rank under each, and the spread."""

    id: str
    ranks: dict[str, int]
    spread: int


@dataclass(frozen=True)
class StabilityReport:
    """Pairwise rank agreement between methods and the alternatives that move most."""

    methods: list[str]
    agreements: list[RankAgreement]
    movers: list[RankMove]
    ranks: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "methods": list(self.methods),
            "agreements": [a.__dict__ for a in self.agreements],
            "movers": [{"id": m.id, "spread": m.spread, "ranks": m.ranks} for m in self.movers],
            "ranks": self.ranks,
        }


def ranking_stability(
    scores: Mapping[str, pd.Series | EvaluationResult],
    top: int = 5,
) -> StabilityReport:
    """Compare the rankings of the same alternatives under several methods or weight sets.

    ``scores`` maps a method name to its scores (larger is better) or to an EvaluationResult.
    For every pair of methods (Spearman 1904; Kendall 1938, tau-b for ties)::

        ρ = 1 − 6 Σ d_i² / (n (n² − 1))           (no ties; with ties: Pearson r of average ranks)
        τ_b = (n_c − n_d) / sqrt((n_0 − n_1)(n_0 − n_2))

    where d_i is the rank difference of alternative i, n_c and n_d the concordant and discordant
    pairs, n_0 = n(n−1)/2 and n_1, n_2 the tied pairs in each ranking. Both are NaN when one
    ranking is all ties. The movers are the ``top`` alternatives with the largest spread
    max(rank) − min(rank) across methods (competition ranks, 1 = best), ties broken by id.
    """
    series = {
        name: (s.totals if isinstance(s, EvaluationResult) else s.astype(float))
        for name, s in scores.items()
    }
    if len(series) < 2:
        raise InputError(
            "排名稳健性比较至少需要两种方法或两套权重。",
            "Ranking stability needs at least two methods or weight sets.",
            fix="给出两种以上的评价方法。",
        )
    names = list(series)
    ids = list(series[names[0]].index)
    for name in names[1:]:
        if set(series[name].index) != set(ids):
            raise InputError(
                f"方法 {name} 与 {names[0]} 的评价对象不一致。",
                f"Method {name} scores different alternatives than {names[0]}.",
                fix="所有方法须评价同一组对象。",
            )
    frame = pd.DataFrame({name: series[name].reindex(ids) for name in names})
    if len(frame) < 2:
        raise InputError(
            "至少需要 2 个评价对象才能比较排名。",
            "At least 2 alternatives are needed to compare rankings.",
        )
    ranks = pd.DataFrame({name: rank_descending(frame[name]) for name in names})
    agreements = []
    for a, b in combinations(names, 2):
        agreements.append(
            RankAgreement(
                a, b, _corr(spearmanr, frame[a], frame[b]), _corr(kendalltau, frame[a], frame[b])
            )
        )
    spread = ranks.max(axis=1) - ranks.min(axis=1)
    order = sorted(ids, key=lambda i: (-int(spread[i]), str(i)))
    movers = [
        RankMove(str(i), {n: int(ranks.at[i, n]) for n in names}, int(spread[i]))
        for i in order[: max(top, 0)]
        if spread[i] > 0
    ]
    return StabilityReport(
        methods=names,
        agreements=agreements,
        movers=movers,
        ranks={str(i): {n: int(ranks.at[i, n]) for n in names} for i in ids},
    )


def _corr(function, a: pd.Series, b: pd.Series) -> float:
    if a.nunique() < 2 or b.nunique() < 2:
        return float("nan")
    value = function(a.to_numpy(), b.to_numpy())[0]
    return float(value) if np.isfinite(value) else float("nan")
