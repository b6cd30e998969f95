"""Entropy weights against published examples and a hand calculation with 0 · ln 0."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import entropy_weights


def test_entropy_weights_reproduce_xu_2004():
    """Xu, X. (2004), A note on the subjective and objective integrated approach to determine
    attribute weights, EJOR 156(2):530–532. Decision matrix (4 x 4) with a nearly constant fourth
    attribute; p_ij = x_ij / Σ_i x_ij. Printed entropy weights 0.4630 0.3992 0.1378 0.0000."""
    x = pd.DataFrame(
        [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]],
        columns=["u1", "u2", "u3", "u4"],
    )
    result = entropy_weights(x, normalization="sum")
    assert [round(result.weights[c], 4) for c in x.columns] == [0.4630, 0.3992, 0.1378, 0.0000]


def test_entropy_weights_reproduce_zavadskas_podvezko_2016():
    """Zavadskas, E.K. & Podvezko, V. (2016), Integrated determination of objective criteria weights
    in MCDM, IJITDM 15(2):267–283, example with four alternatives and four criteria. Printed
    entropy weights 0.1146 0.1981 0.4185 0.2689."""
    x = pd.DataFrame(
        [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]],
        columns=["c1", "c2", "c3", "c4"],
    )
    result = entropy_weights(x, normalization="sum")
    assert [round(result.weights[c], 4) for c in x.columns] == [0.1146, 0.1981, 0.4185, 0.2689]


def test_entropy_weights_minmax_hand_calculation_handles_zero_probabilities():
    """Hand calculation, min-max normalisation, m = 3 so k = 1/ln 3.
    a = (0, 1, 2): z = (0, 1/2, 1), p = (0, 1/3, 2/3), and with 0·ln 0 = 0
        e_a = −(1/3 ln 1/3 + 2/3 ln 2/3)/ln 3 = 1 − (2/3) ln 2 / ln 3,
        d_a = (2/3) ln 2 / ln 3 = 0.420620.
    b = (5, 5, 10): z = (0, 0, 1), p = (0, 0, 1), e_b = 0, d_b = 1.
    w_a = d_a / (1 + d_a) = 0.296082, w_b = 1 / (1 + d_a) = 0.703918."""
    x = pd.DataFrame({"a": [0, 1, 2], "b": [5, 5, 10]})
    result = entropy_weights(x)
    d_a = (2 / 3) * math.log(2) / math.log(3)
    assert result.divergence["a"] == pytest.approx(d_a)
    assert result.entropy["b"] == pytest.approx(0.0)
    assert result.weights["a"] == pytest.approx(d_a / (1 + d_a))
    assert result.weights["b"] == pytest.approx(1 / (1 + d_a))
    assert round(result.weights["a"], 6) == 0.296082


def test_entropy_weights_reverse_lower_is_better_indicators_before_p():
    """Min-max reverses a cost indicator: c = (2, 1, 0) with direction "-" is z = (0, 1/2, 1),
    the same distribution as a = (0, 1, 2) with "+", so both get the same weight."""
    x = pd.DataFrame({"a": [0, 1, 2], "c": [2, 1, 0]})
    result = entropy_weights(x, directions={"c": "-"})
    assert result.weights["a"] == pytest.approx(result.weights["c"]) == pytest.approx(0.5)


@pytest.mark.parametrize("normalization", ["minmax", "sum"])
def test_entropy_gives_a_constant_indicator_weight_zero_and_reports_it(normalization):
    x = pd.DataFrame({"a": [1, 2, 4], "flat": [3, 3, 3]})
    result = entropy_weights(x, normalization=normalization)
    assert result.weights["flat"] == 0.0
    assert result.weights["a"] == pytest.approx(1.0)
    assert result.constant_indicators == ["flat"]


def test_entropy_refuses_when_every_indicator_is_constant():
    with pytest.raises(InputError, match="相同"):
        entropy_weights(pd.DataFrame({"a": [1, 1], "b": [2, 2]}))


def test_entropy_refuses_a_single_alternative():
    with pytest.raises(InputError, match="2 个"):
        entropy_weights(pd.DataFrame({"a": [1.0]}))


def test_entropy_sum_normalisation_refuses_negative_values_and_names_the_indicator():
    with pytest.raises(InputError) as info:
        entropy_weights(pd.DataFrame({"profit": [-1, 2, 3]}), normalization="sum")
    assert info.value.location.column == "profit"


def test_entropy_names_the_alternative_and_indicator_of_a_missing_value():
    x = pd.DataFrame({"a": [1.0, None, 3.0]}, index=["甲", "乙", "丙"])
    with pytest.raises(InputError) as info:
        entropy_weights(x)
    assert "乙" in info.value.message and info.value.location.column == "a"
