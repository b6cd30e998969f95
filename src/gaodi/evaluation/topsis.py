"""TOPSIS (逼近理想解排序法) and entropy-weighted TOPSIS (熵权 TOPSIS)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from gaodi.evaluation.decision_matrix import check_weights, indicator_matrix, resolve_directions
from gaodi.evaluation.entropy import EntropyNormalization, entropy_weights
from gaodi.evaluation.results import EvaluationResult, build_result


def topsis(
    table: pd.DataFrame,
    weights: Mapping[str, float],
    directions: Mapping[str, str] | None = None,
) -> EvaluationResult:
    """Rank alternatives by their relative closeness to the ideal solution (Hwang & Yoon 1981).

    Formula, for m alternatives and indicators j with weights w_j (Σ w_j = 1)::

        r_ij = x_ij / sqrt(Σ_i x_ij²)                         vector normalisation
        v_ij = w_j · r_ij
        A+_j = max_i v_ij ("+") or min_i v_ij ("-")          ideal
        A−_j = min_i v_ij ("+") or max_i v_ij ("-")          anti-ideal
        D+_i = sqrt(Σ_j (v_ij − A+_j)²),  D−_i = sqrt(Σ_j (v_ij − A−_j)²)
        C_i  = D−_i / (D+_i + D−_i)                           0 ≤ C_i ≤ 1, larger is better

    The total is C_i; the per-indicator contributions are the weighted normalised values v_ij
    (they do not add up to C_i), and D+ and D− are given in ``extra``. An indicator that is 0
    for every alternative normalises to 0. If all alternatives coincide on every weighted
    indicator, D+ = D− = 0 and every C_i is set to 0.5 (noted).

    Checked against Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, ch. 1, the
    facility location example (C = .387 .327 .391 .615 .868 .493).
    """
    indicators = list(weights)
    w = check_weights(weights, indicators)
    dirs = resolve_directions(directions, indicators)
    x = indicator_matrix(table, indicators)
    norms = np.sqrt((x**2).sum(axis=0))
    r = x / np.where(norms == 0, 1.0, norms)
    v = r * np.array([w[n] for n in indicators])
    plus = np.array([dirs[n] == "+" for n in indicators])
    ideal = np.where(plus, v.max(axis=0), v.min(axis=0))
    anti = np.where(plus, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    both = d_plus + d_minus
    closeness = np.where(both == 0, 0.5, d_minus / np.where(both == 0, 1.0, both))
    notes = []
    if (both == 0).any():
        notes.append(
            "所有对象在各加权指标上取值相同，贴近度均记为 0.5 (all alternatives coincide; C = 0.5)"
        )
    contributions = pd.DataFrame(v, index=table.index, columns=indicators)
    extra = pd.DataFrame({"d_plus": d_plus, "d_minus": d_minus}, index=table.index)
    parameters = {
        "normalization": "vector",
        "ideal": dict(zip(indicators, ideal.tolist())),
        "anti_ideal": dict(zip(indicators, anti.tolist())),
        "formula": "C_i = D−_i / (D+_i + D−_i) on v_ij = w_j · x_ij / ||x_j||",
    }
    return build_result(
        "topsis",
        parameters,
        dirs,
        w,
        contributions,
        pd.Series(closeness, index=table.index),
        extra=extra,
        notes=notes,
    )


def entropy_topsis(
    table: pd.DataFrame,
    indicators: list[str] | None = None,
    directions: Mapping[str, str] | None = None,
    normalization: EntropyNormalization = "minmax",
) -> EvaluationResult:
    """Run TOPSIS with weights from the entropy weight method (熵权 TOPSIS).

    w = entropy_weights(table, directions, normalization).weights, then
    topsis(table, w, directions); see those functions for the formulas. The entropy, the
    divergence and any constant indicators are reported in ``parameters``.

    Checked against Ersoy (2021), LogForum 17(3), equipment selection: entropy weights
    .405 .221 .134 .199 .007 .034 and closeness .308 .254 .327 .263 .857 .192.
    """
    ew = entropy_weights(table, indicators, directions, normalization)
    result = topsis(table, ew.weights, directions)
    notes = list(result.notes)
    if ew.constant_indicators:
        notes.append(
            "取值全同、熵权为 0 的指标 (constant indicators, weight 0): "
            + ", ".join(ew.constant_indicators)
        )
    parameters = dict(result.parameters)
    parameters.update(
        {
            "weights_from": "entropy",
            "entropy_normalization": ew.normalization,
            "entropy": ew.entropy,
            "divergence": ew.divergence,
            "constant_indicators": ew.constant_indicators,
        }
    )
    return EvaluationResult(
        method="entropy-topsis",
        parameters=parameters,
        indicators=result.indicators,
        directions=result.directions,
        weights=result.weights,
        alternatives=result.alternatives,
        notes=notes,
    )
