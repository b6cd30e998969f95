"""Location quotients, Krugman and Herfindahl indices against the Krumme worked example."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from gaodi.errors import InputError
from gaodi.regional import (
    herfindahl_by_industry,
    herfindahl_by_region,
    krugman_index,
    location_quotients,
    region_industry_matrix,
    specialisation,
)


@pytest.fixture
def matrix_1985(holukuluku_table: pd.DataFrame) -> pd.DataFrame:
    return region_industry_matrix(holukuluku_table[holukuluku_table["year"] == 1985])


def test_location_quotients_match_krumme_printed_column(matrix_1985):
    """Krumme's table, column 3 "Loc Quot" for Holukuluku 1985: I 5, II 0.5, III 0.5, IV .667
    (regional shares 50/10/20/20 % over national shares 10/20/40/30 %)."""
    lq = location_quotients(matrix_1985)
    assert lq.loc["Holukuluku"].to_list() == pytest.approx([5.0, 0.5, 0.5, 2 / 3])


def test_krugman_index_matches_hand_calculation(matrix_1985):
    """Hand calculation on Krumme's shares: Holukuluku s_r = (.5, .1, .2, .2), province
    s = (.1, .2, .4, .3): K = .4 + .1 + .2 + .1 = 0.8. Rest: s_r = (500, 1900, 3800, 2800)/9000,
    K = (0.4/9 + 0.1/9 + 0.2/9 + 0.1/9) = 0.8/9 = 0.0889."""
    k = krugman_index(matrix_1985)
    assert k["Holukuluku"] == pytest.approx(0.8)
    assert k["Rest"] == pytest.approx(0.8 / 9)


def test_herfindahl_of_regions_and_industries_match_hand_calculation(matrix_1985):
    """Holukuluku across industries: .5² + .1² + .2² + .2² = 0.34. Industry I across regions:
    500/1000 in each, .5² + .5² = 0.5; II: (100/2000)² + (1900/2000)² = .0025 + .9025 = 0.905."""
    assert herfindahl_by_region(matrix_1985)["Holukuluku"] == pytest.approx(0.34)
    by_industry = herfindahl_by_industry(matrix_1985)
    assert by_industry["I"] == pytest.approx(0.5)
    assert by_industry["II"] == pytest.approx(0.905)


def test_specialisation_reports_all_zero_regions_and_industries_without_nan(matrix_1985):
    matrix = matrix_1985.copy()
    matrix.loc["Empty county"] = 0.0
    matrix["V"] = 0.0
    result = specialisation(matrix)
    assert [(e.label, e.reason) for e in result.excluded_regions] == [("Empty county",
                                                                         "no_activity")]
    assert [(e.label, e.reason) for e in result.excluded_industries] == [("V", "no_activity")]
    assert not result.regions.isna().any().any()
    assert not result.location_quotients.isna().any().any()
    assert result.regions.loc["Holukuluku", "top_industry"] == "I"
    assert result.regions.loc["Holukuluku", "krugman"] == pytest.approx(0.8)


def test_specialisation_refuses_a_table_without_any_value():
    matrix = pd.DataFrame([[0.0, 0.0]], index=["A"], columns=["x", "y"])
    with pytest.raises(InputError) as info:
        specialisation(matrix)
    assert "非零" in info.value.message


# Amounts as data hold them (万元, jobs): zero or at least 0.001, never subnormal.
_matrices = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)),
                   elements=st.just(0.0) | st.floats(1e-3, 1e9))


@settings(max_examples=60, deadline=None)
@given(_matrices)
def test_location_quotients_weighted_by_region_share_sum_to_one_per_industry(values):
    """Σ_r (x_r / x) · LQ_ri = Σ_r x_ri / x_i = 1 for every industry with activity."""
    if values.sum() == 0:
        values[0, 0] = 1.0
    matrix = pd.DataFrame(values, index=[f"r{k}" for k in range(values.shape[0])],
                          columns=[f"i{k}" for k in range(values.shape[1])])
    lq = location_quotients(matrix)
    active = matrix.loc[lq.index, lq.columns]
    region_share = active.sum(axis=1) / active.to_numpy().sum()
    weighted = lq.mul(region_share, axis=0).sum(axis=0)
    assert np.allclose(weighted.to_numpy(), 1.0)
    k = krugman_index(matrix)
    assert (k >= 0).all() and (k <= 2 + 1e-12).all()
