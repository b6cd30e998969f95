"""AHP weights and consistency against Saaty's published house example."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import RANDOM_INDEX, ahp_weights

HOUSE_CRITERIA = [
    "size",
    "transportation",
    "neighborhood",
    "age",
    "yard",
    "modern",
    "condition",
    "financing",
]
HOUSE_MATRIX = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def test_ahp_reproduces_saaty_1990_house_criteria_weights_and_consistency():
    """Saaty, T.L. (1990), How to make a decision: The Analytic Hierarchy Process, EJOR 48:9–26,
    the house example, Table 2 (eight criteria compared for overall satisfaction with a house).
    Printed priority vector .173 .054 .188 .018 .031 .036 .167 .333; λmax = 9.669,
    C.I. = 0.238, C.R. = 0.169 (above 0.1, so the judgements are not acceptably consistent)."""
    result = ahp_weights(HOUSE_MATRIX, labels=HOUSE_CRITERIA)
    assert [round(result.weights[c], 3) for c in HOUSE_CRITERIA] == [
        0.173,
        0.054,
        0.188,
        0.018,
        0.031,
        0.036,
        0.167,
        0.333,
    ]
    assert round(result.lambda_max, 3) == 9.669
    assert round(result.consistency_index, 3) == 0.238
    assert result.random_index == 1.41
    assert round(result.consistency_ratio, 3) == 0.169
    assert not result.consistent


def test_ahp_reproduces_saaty_1990_size_of_house_comparison():
    """Saaty (1990), Table 3, houses A, B, C compared on size of house: [[1, 6, 8], [1/6, 1, 4],
    [1/8, 1/4, 1]]. Printed: A .754, B .181, C .065; λmax = 3.136, C.I. = .068, C.R. = .117."""
    matrix = pd.DataFrame(
        [[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]], index=list("ABC"), columns=list("ABC")
    )
    result = ahp_weights(matrix)
    assert [round(result.weights[h], 3) for h in "ABC"] == [0.754, 0.181, 0.065]
    assert round(result.lambda_max, 3) == 3.136
    assert round(result.consistency_index, 3) == 0.068
    assert round(result.consistency_ratio, 3) == 0.117


def test_ahp_geometric_mean_matches_hand_calculation_for_size_of_house():
    """Hand calculation of row geometric means of the Saaty (1990) size matrix:
    (1·6·8)^(1/3) = 48^(1/3) = 3.63424, (1/6·1·4)^(1/3) = (2/3)^(1/3) = 0.87358,
    (1/8·1/4·1)^(1/3) = (1/32)^(1/3) = 0.31498; sum 4.82280, so w = .7536 .1811 .0653.
    For n = 3 the geometric mean coincides with the principal eigenvector (Saaty 1980)."""
    matrix = [[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]]
    gm = ahp_weights(matrix, labels=list("ABC"), method="geometric_mean")
    assert [round(gm.weights[h], 4) for h in "ABC"] == [0.7536, 0.1811, 0.0653]
    eig = ahp_weights(matrix, labels=list("ABC"))
    assert list(gm.weights.values()) == pytest.approx(list(eig.weights.values()), abs=1e-12)
    assert gm.lambda_max == pytest.approx(eig.lambda_max, abs=1e-9)


def test_ahp_consistent_matrix_recovers_weights_with_zero_inconsistency():
    """Hand calculation: with w = (1/2, 1/3, 1/6), a_ij = w_i / w_j gives [[1, 3/2, 3], [2/3, 1, 2],
    [1/3, 1/2, 1]]; A w = 3 w, so λmax = n = 3, CI = 0 and CR = 0."""
    matrix = [[1, 3 / 2, 3], [2 / 3, 1, 2], [1 / 3, 1 / 2, 1]]
    for method in ("eigenvector", "geometric_mean"):
        result = ahp_weights(matrix, labels=["x", "y", "z"], method=method)
        assert list(result.weights.values()) == pytest.approx([1 / 2, 1 / 3, 1 / 6])
        assert result.lambda_max == pytest.approx(3.0)
        assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
        assert result.consistent


def test_random_index_is_saatys_table():
    """Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill: RI for n = 1..10."""
    assert [RANDOM_INDEX[n] for n in range(1, 11)] == [
        0,
        0,
        0.58,
        0.90,
        1.12,
        1.24,
        1.32,
        1.41,
        1.45,
        1.49,
    ]


def test_ahp_two_by_two_matrix_is_always_consistent():
    result = ahp_weights([[1, 4], [1 / 4, 1]], labels=["a", "b"])
    assert result.weights == pytest.approx({"a": 0.8, "b": 0.2})
    assert result.consistency_ratio == 0.0 and result.consistent


def test_ahp_accepts_rounded_reciprocals_such_as_0_333():
    result = ahp_weights([[1, 3, 0.5], [0.333, 1, 0.25], [2, 4, 1]], labels=list("abc"))
    assert sum(result.weights.values()) == pytest.approx(1.0)


def test_ahp_rejects_a_matrix_that_is_not_reciprocal_and_names_the_cells():
    with pytest.raises(InputError) as info:
        ahp_weights([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 2, 1]], labels=["tax", "output", "energy"])
    assert "output" in info.value.message and "energy" in info.value.message
    assert "互反" in info.value.message and "reciprocal" in info.value.message_en


@pytest.mark.parametrize(
    "matrix, words",
    [
        ([[1, -2], [-0.5, 1]], "正数"),
        ([[2, 2], [0.5, 1]], "对角线"),
        ([[1, 2, 3], [0.5, 1, 2]], "方阵"),
        ([[1, "x"], [1, 1]], "不是数值"),
    ],
)
def test_ahp_rejects_malformed_matrices_with_a_clear_message(matrix, words):
    with pytest.raises(InputError, match=words):
        ahp_weights(matrix)


def test_ahp_rejects_labels_that_differ_between_rows_and_columns():
    frame = pd.DataFrame([[1, 2], [0.5, 1]], index=["a", "b"], columns=["a", "c"])
    with pytest.raises(InputError, match="行标签"):
        ahp_weights(frame)


def test_ahp_needs_an_explicit_random_index_beyond_order_ten():
    matrix = np.ones((11, 11))
    with pytest.raises(InputError, match="1–10"):
        ahp_weights(matrix)
    assert ahp_weights(matrix, random_index=1.51).consistency_ratio == pytest.approx(0.0, abs=1e-9)
