"""How stable a store evaluation's ranking is to the method and the weights (排名稳健性).

Each variant is a method name (``weighted``, ``minmax-floor``, ``topsis``, ``entropy-topsis``),
optionally with ``@equal`` for equal weights 1/m in place of the rule set's (``topsis@equal``).
Every variant scores the same graded alternatives of the same rule set and year; the rankings are
compared by :func:`gaodi.evaluation.stability.ranking_stability`.
"""

from __future__ import annotations

from collections.abc import Sequence

from gaodi.errors import InputError
from gaodi.evaluation.ruleset import RuleSet
from gaodi.evaluation.stability import StabilityReport, ranking_stability
from gaodi.evaluation.store_evaluation import evaluate_store
from gaodi.evaluation.table import METHODS


def store_stability(store, ruleset: RuleSet, variants: Sequence[str], year: int | None = None,
                    top: int = 5) -> StabilityReport:
    """Evaluate the rule set under each variant and compare the rankings."""
    results = {}
    for variant in variants:
        method, _, weighting = variant.partition("@")
        if method not in METHODS or method == "ahp" or weighting not in ("", "equal"):
            raise InputError(
                f"无法识别的方法 {variant!r}。", f"Unknown variant {variant!r}.",
                fix="写 weighted、minmax-floor、topsis、entropy-topsis，可加 @equal（等权）。",
            )
        weights = None
        if weighting == "equal":
            if method == "entropy-topsis":
                raise InputError("entropy-topsis 自行求权重，不能加 @equal。",
                                 "entropy-topsis derives its own weights; drop @equal.")
            m = len(ruleset.indicators)
            weights = {n: 1.0 / m for n in ruleset.indicators}
        evaluation = evaluate_store(store, ruleset, year, method=method, weights=weights)
        results[variant] = evaluation.result
    return ranking_stability(results, top=top)
