"""TOPSIS and entropy-TOPSIS against published worked examples."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import entropy_topsis, topsis


def test_topsis_reproduces_papathanasiou_ploskas_facility_location_example():
    """Papathanasiou, J. & Ploskas, N. (2018), Multiple Criteria Decision Aid: Methods, Examples and
    Python Implementations, Springer, ch. 1 (TOPSIS), facility location example: six sites, four
    benefit criteria, weights 0.4 0.3 0.1 0.2. Printed relative closeness:
    0.387 0.327 0.391 0.615 0.868 0.493 (site 5 best, then 4, 6, 3, 1, 2)."""
    sites = pd.DataFrame(
        [[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]],
        columns=["c1", "c2", "c3", "c4"],
        index=[f"site{i}" for i in range(1, 7)],
    )
    result = topsis(sites, {"c1": 0.4, "c2": 0.3, "c3": 0.1, "c4": 0.2})
    assert result.totals.round(3).tolist() == [0.387, 0.327, 0.391, 0.615, 0.868, 0.493]
    assert result.ranks.tolist() == [5, 6, 4, 2, 1, 3]


ERSOY_LAPTOPS = pd.DataFrame(
    [
        [256, 8, 41, 1.6, 1.77, 7347.16],
        [256, 8, 32, 1.0, 1.8, 6919.99],
        [256, 8, 53, 1.6, 1.9, 8400],
        [256, 8, 41, 1.0, 1.75, 6808.9],
        [512, 8, 35, 1.6, 1.7, 8479.99],
        [256, 4, 35, 1.6, 1.7, 7499.99],
    ],
    columns=["c1", "c2", "c3", "c4", "c5", "c6"],
    index=[f"A{i}" for i in range(1, 7)],
)


def test_entropy_topsis_reproduces_ersoy_2021_equipment_selection():
    """Ersoy, Y. (2021), Equipment selection for an e-commerce company using entropy-based TOPSIS,
    EDAS and CODAS methods during the COVID-19, LogForum 17(3). Six laptops, six criteria, the last
    two (weight, price) cost criteria; entropy on the raw matrix (p_ij = x_ij / Σ x_ij). Printed
    entropy weights 0.405 0.221 0.134 0.199 0.007 0.034; printed closeness
    0.308 0.254 0.327 0.263 0.857 0.192 (A5 best)."""
    result = entropy_topsis(ERSOY_LAPTOPS, directions={"c5": "-", "c6": "-"}, normalization="sum")
    assert [round(result.weights[c], 3) for c in ERSOY_LAPTOPS.columns] == [
        0.405,
        0.221,
        0.134,
        0.199,
        0.007,
        0.034,
    ]
    assert result.totals.round(3).tolist() == [0.308, 0.254, 0.327, 0.263, 0.857, 0.192]
    assert result.ranks["A5"] == 1
    assert result.method == "entropy-topsis"
    assert result.parameters["weights_from"] == "entropy"


def test_topsis_cost_indicator_takes_its_ideal_at_the_minimum():
    """Hand calculation. X = [[3, 4], [4, 3]], w = (1/2, 1/2), second indicator lower-is-better.
    Column norms are both 5, so r = [[3/5, 4/5], [4/5, 3/5]] and v = [[3/10, 4/10], [4/10, 3/10]].
    Ideal A+ = (max 4/10, min 3/10) = v_2 and anti-ideal A− = (3/10, 4/10) = v_1, so
    D+_1 = sqrt(2)/10, D−_1 = 0, C_1 = 0 and C_2 = 1."""
    x = pd.DataFrame({"good": [3, 4], "bad": [4, 3]}, index=["p", "q"])
    result = topsis(x, {"good": 0.5, "bad": 0.5}, {"bad": "-"})
    assert result.totals.tolist() == pytest.approx([0.0, 1.0])
    p = next(a for a in result.alternatives if a.id == "p")
    assert p.extra["d_plus"] == pytest.approx(math.sqrt(2) / 10)
    assert p.extra["d_minus"] == pytest.approx(0.0)
    assert p.contributions == pytest.approx({"good": 0.3, "bad": 0.4})
    assert result.parameters["ideal"] == pytest.approx({"good": 0.4, "bad": 0.3})


def test_topsis_gives_identical_alternatives_closeness_one_half_and_says_so():
    x = pd.DataFrame({"a": [2.0, 2.0, 2.0], "b": [0.0, 0.0, 0.0]})
    result = topsis(x, {"a": 0.7, "b": 0.3})
    assert result.totals.tolist() == [0.5, 0.5, 0.5]
    assert result.ranks.tolist() == [1, 1, 1]
    assert result.notes


def test_topsis_rejects_weights_that_do_not_sum_to_one():
    x = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    with pytest.raises(InputError, match="1"):
        topsis(x, {"a": 0.5, "b": 0.6})
