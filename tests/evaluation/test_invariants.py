"""Invariants every method keeps, on random decision matrices (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gaodi.evaluation import (
    ahp_weights,
    classify_by_percentile,
    entropy_weights,
    minmax_floor,
    rank_descending,
    topsis,
    weighted_ratio_to_benchmark,
)

VALUES = st.floats(min_value=0.0, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def problems(draw, min_rows: int = 2):
    """A decision matrix (rows 2–8, indicators 1–5), directions and weights summing to 1."""
    m = draw(st.integers(min_rows, 8))
    n = draw(st.integers(1, 5))
    cells = draw(st.lists(st.lists(VALUES, min_size=n, max_size=n), min_size=m, max_size=m))
    names = [f"k{j}" for j in range(n)]
    table = pd.DataFrame(cells, columns=names, index=[f"a{i}" for i in range(m)])
    directions = {name: draw(st.sampled_from("+-")) for name in names}
    raw = draw(st.lists(st.floats(0.01, 1.0), min_size=n, max_size=n))
    weights = {name: r / math.fsum(raw) for name, r in zip(names, raw)}
    return table, directions, weights


@settings(max_examples=60, deadline=None)
@given(problems(), st.sampled_from(["minmax", "sum"]))
def test_entropy_weights_are_non_negative_and_sum_to_one(problem, normalization):
    table, directions, _ = problem
    assume((table.max() > table.min()).any())
    result = entropy_weights(table, directions=directions, normalization=normalization)
    weights = np.array(list(result.weights.values()))
    assert (weights >= 0).all()
    assert math.isclose(weights.sum(), 1.0, abs_tol=1e-9)
    assert all(0.0 <= e <= 1.0 for e in result.entropy.values())


@settings(max_examples=60, deadline=None)
@given(problems())
def test_topsis_closeness_stays_in_zero_one_and_ranks_count_better_alternatives(problem):
    table, directions, weights = problem
    result = topsis(table, weights, directions)
    closeness = result.totals
    assert ((closeness >= -1e-12) & (closeness <= 1 + 1e-12)).all()
    for a in result.alternatives:
        assert a.rank == 1 + int((closeness > a.total).sum())


@settings(max_examples=60, deadline=None)
@given(problems(), st.floats(0, 40), st.floats(1, 100))
def test_minmax_floor_totals_stay_between_floor_and_floor_plus_span(problem, floor, span):
    table, directions, weights = problem
    totals = minmax_floor(table, weights, directions, floor=floor, span=span).totals
    assert (totals >= floor - 1e-9).all() and (totals <= floor + span + 1e-9).all()


@settings(max_examples=60, deadline=None)
@given(problems(), st.floats(1.0, 3.0))
def test_capped_ratio_scores_stay_between_zero_and_scale_times_cap(problem, cap):
    table, directions, weights = problem
    benchmarks = {k: max(float(table[k].mean()), 1.0) for k in table.columns}
    totals = weighted_ratio_to_benchmark(table, weights, benchmarks, directions, caps=cap).totals
    assert (totals >= 0).all() and (totals <= 100 * cap + 1e-9).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=40, unique=True))
def test_ranks_of_distinct_scores_are_a_permutation(values):
    ranks = rank_descending(pd.Series(values))
    assert sorted(ranks.tolist()) == list(range(1, len(values) + 1))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=60, unique=True),
    st.lists(st.floats(0.05, 0.95), min_size=1, max_size=4, unique=True),
)
def test_percentile_class_shares_follow_the_cuts_when_scores_are_distinct(values, inner):
    cuts = [(f"C{k}", c) for k, c in enumerate(sorted(inner))] + [("rest", 1.0)]
    classes = classify_by_percentile(pd.Series(values), cuts)
    n = len(values)
    seen = 0
    for label, share in cuts:
        seen += int((classes == label).sum())
        assert seen == math.floor(share * n + 1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.05, 1.0), min_size=2, max_size=9))
def test_ahp_recovers_the_weights_of_a_consistent_matrix(raw):
    w = np.array(raw) / sum(raw)
    matrix = w[:, None] / w[None, :]
    for method in ("eigenvector", "geometric_mean"):
        result = ahp_weights(matrix, method=method)
        assert np.allclose(list(result.weights.values()), w, atol=1e-9)
        assert result.consistency_ratio < 1e-9


@settings(max_examples=60, deadline=None)
@given(
    st.integers(3, 9).flatmap(
        lambda n: st.lists(
            st.sampled_from([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9]),
            min_size=n * (n - 1) // 2,
            max_size=n * (n - 1) // 2,
        ).map(lambda v: (n, v))
    )
)
def test_ahp_weights_of_any_reciprocal_matrix_are_positive_sum_to_one_and_lambda_at_least_n(case):
    n, upper = case
    matrix = np.ones((n, n))
    iu = np.triu_indices(n, 1)
    matrix[iu] = upper
    matrix[(iu[1], iu[0])] = 1 / np.array(upper)
    result = ahp_weights(matrix)
    weights = np.array(list(result.weights.values()))
    assert (weights > 0).all() and math.isclose(weights.sum(), 1.0, abs_tol=1e-9)
    assert result.lambda_max >= n - 1e-9
    assert result.consistency_ratio >= 0
