"""Rank agreement between methods, against a hand calculation."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import ranking_stability, topsis


def test_spearman_and_kendall_match_hand_calculation():
    """Ranks under A: a1 b2 c3 d4 e5; under B: a2 b1 c4 d3 e5. Differences d = (1, 1, 1, 1, 0),
    Σ d² = 4, ρ = 1 − 6·4 / (5·24) = 0.8. Of the 10 pairs, (a, b) and (c, d) are discordant:
    τ = (8 − 2) / 10 = 0.6."""
    a = pd.Series({"a": 5.0, "b": 4.0, "c": 3.0, "d": 2.0, "e": 1.0})
    b = pd.Series({"a": 4.0, "b": 5.0, "c": 2.0, "d": 3.0, "e": 1.0})
    report = ranking_stability({"A": a, "B": b})
    (pair,) = report.agreements
    assert (pair.method_a, pair.method_b) == ("A", "B")
    assert pair.spearman == pytest.approx(0.8)
    assert pair.kendall == pytest.approx(0.6)


def test_reversed_ranking_has_correlation_minus_one():
    a = pd.Series([1.0, 2.0, 3.0, 4.0], index=list("wxyz"))
    report = ranking_stability({"up": a, "down": -a})
    assert report.agreements[0].spearman == pytest.approx(-1.0)
    assert report.agreements[0].kendall == pytest.approx(-1.0)
    assert report.movers[0].spread == 3


def test_movers_list_the_largest_rank_changes_first_with_ranks_under_each_method():
    a = pd.Series({"p": 10.0, "q": 9.0, "r": 8.0, "s": 7.0})
    b = pd.Series({"p": 7.0, "q": 9.5, "r": 8.0, "s": 10.0})
    c = pd.Series({"p": 10.0, "q": 9.0, "r": 8.0, "s": 7.0})
    report = ranking_stability({"A": a, "B": b, "C": c}, top=2)
    assert [m.id for m in report.movers] == ["p", "s"]
    assert report.movers[0].ranks == {"A": 1, "B": 4, "C": 1}
    assert report.movers[0].spread == 3
    assert len(report.agreements) == 3


def test_stability_accepts_evaluation_results():
    x = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]}, index=["u", "v", "w"])
    r1 = topsis(x, {"a": 0.8, "b": 0.2})
    r2 = topsis(x, {"a": 0.2, "b": 0.8})
    report = ranking_stability({"tax-heavy": r1, "rd-heavy": r2})
    assert set(report.ranks) == {"u", "v", "w"}
    assert report.as_dict()["agreements"][0]["method_a"] == "tax-heavy"


def test_stability_reports_nan_when_one_ranking_is_all_ties():
    report = ranking_stability(
        {"A": pd.Series([1.0, 2.0], index=["x", "y"]), "B": pd.Series([1.0, 1.0], index=["x", "y"])}
    )
    assert math.isnan(report.agreements[0].spearman)


def test_stability_needs_two_methods_over_the_same_alternatives():
    s = pd.Series([1.0, 2.0], index=["x", "y"])
    with pytest.raises(InputError, match="两种"):
        ranking_stability({"only": s})
    with pytest.raises(InputError, match="不一致"):
        ranking_stability({"A": s, "B": pd.Series([1.0, 2.0], index=["x", "z"])})
