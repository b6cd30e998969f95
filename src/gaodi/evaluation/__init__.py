"""Scoring methods for ranking parks, clusters and enterprises (亩均效益, 五好园区, 集群竞赛).

Each method is a pure function over a decision matrix (rows = alternatives, columns = indicators)
and returns an :class:`EvaluationResult` that explains itself: per-indicator contributions, total,
rank, class, weights, and the method's parameters. See docs/evaluation-methods.md.
"""

from gaodi.evaluation.additive import minmax_floor, weighted_ratio_to_benchmark
from gaodi.evaluation.ahp import RANDOM_INDEX, AhpWeights, ahp_weights
from gaodi.evaluation.classes import (
    DEFAULT_PERCENTILE_CUTS,
    ClassBound,
    ClassScheme,
    classify_by_percentile,
    classify_by_thresholds,
)
from gaodi.evaluation.entropy import EntropyWeights, entropy_weights
from gaodi.evaluation.results import AlternativeScore, EvaluationResult, rank_descending
from gaodi.evaluation.rules import EvaluationRules, load_rules, parse_rules
from gaodi.evaluation.stability import RankAgreement, RankMove, StabilityReport, ranking_stability
from gaodi.evaluation.table import METHODS, evaluate_table
from gaodi.evaluation.topsis import entropy_topsis, topsis

__all__ = [
    "DEFAULT_PERCENTILE_CUTS",
    "METHODS",
    "RANDOM_INDEX",
    "AhpWeights",
    "AlternativeScore",
    "ClassBound",
    "ClassScheme",
    "EntropyWeights",
    "EvaluationResult",
    "EvaluationRules",
    "RankAgreement",
    "RankMove",
    "StabilityReport",
    "ahp_weights",
    "classify_by_percentile",
    "classify_by_thresholds",
    "entropy_topsis",
    "entropy_weights",
    "evaluate_table",
    "load_rules",
    "minmax_floor",
    "parse_rules",
    "rank_descending",
    "ranking_stability",
    "topsis",
    "weighted_ratio_to_benchmark",
]
