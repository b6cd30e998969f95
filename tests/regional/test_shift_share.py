"""Shift-share (Dunn 1960, with the Esteban-Marquillas split) against the Krumme worked example."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from gaodi.errors import InputError
from gaodi.regional import matrices_by_year, shift_share


@pytest.fixture
def holukuluku(holukuluku_table):
    by_year = matrices_by_year(holukuluku_table)
    return shift_share(by_year["1985"], by_year["1995"])


def test_shift_share_reproduces_krumme_totals(holukuluku):
    """Krumme prints for Holukuluku 1985–1995: regional growth 630, national growth effect 290,
    total shift 340, differential effect 420 and composition effect 80 (a loss: expected employment
    with industry rates 1,210 against 1,290 with the national rate), so 290 − 80 + 420 = 630."""
    row = holukuluku.regions.loc["Holukuluku"]
    assert holukuluku.provincial_growth == pytest.approx(0.29)
    assert row["change"] == pytest.approx(630)
    assert row["national_share"] == pytest.approx(290)
    assert row["industry_mix"] == pytest.approx(-80)
    assert row["regional_shift"] == pytest.approx(420)


def test_shift_share_reproduces_krumme_columns_by_industry(holukuluku):
    """Krumme's columns 11 (differential) and 12 (composition) by industry I–IV: differential
    1000−550 = 450, 100−120 = −20, 250−260 = −10, 280−280 = 0; composition 550−645 = −95,
    120−129 = −9, 260−258 = 2, 280−258 = 22; national growth effect 0.29 × base."""
    cells = holukuluku.cells.set_index(["region", "industry"]).loc["Holukuluku"]
    assert cells["regional_shift"].to_list() == pytest.approx([450, -20, -10, 0])
    assert cells["industry_mix"].to_list() == pytest.approx([-95, -9, 2, 22])
    assert cells["national_share"].to_list() == pytest.approx([145, 29, 58, 58])


def test_esteban_marquillas_split_matches_hand_calculation(holukuluku):
    """Hand calculation: homothetic base E* = 1000 × (1000, 2000, 4000, 3000)/10000 =
    (100, 200, 400, 300); g_ri − g_i = (1.0−0.1, 0−0.2, 0.25−0.3, 0.4−0.4) = (.9, −.2, −.05, 0).
    Competitive effect E*(g_ri − g_i) = (90, −40, −20, 0), sum 30; allocation
    (E − E*)(g_ri − g_i) = (360, 20, 10, 0), sum 390; 30 + 390 = 420 = regional shift."""
    cells = holukuluku.cells.set_index(["region", "industry"]).loc["Holukuluku"]
    assert cells["homothetic_base"].to_list() == pytest.approx([100, 200, 400, 300])
    assert cells["competitive_effect"].to_list() == pytest.approx([90, -40, -20, 0])
    assert cells["allocation_effect"].to_list() == pytest.approx([360, 20, 10, 0])


def test_industry_absent_in_base_year_is_reported_and_counted_as_regional_shift():
    """Base: A has x=10, B has y=10; final: x 12, y 8, and A starts z=5. g = 25/20 − 1 = 0.25;
    z has no base, so g_z := g and its whole 5 is regional shift of A."""
    base = pd.DataFrame([[10.0, 0.0], [0.0, 10.0]], index=["A", "B"], columns=["x", "y"])
    final = pd.DataFrame([[12.0, 0.0, 5.0], [0.0, 8.0, 0.0]], index=["A", "B"],
                         columns=["x", "y", "z"])
    result = shift_share(base, final)
    assert result.new_industries == ["z"]
    z = result.cells.set_index(["region", "industry"]).loc[("A", "z")]
    assert (z["national_share"], z["industry_mix"], z["regional_shift"]) == (0, 0, 5)
    assert z["competitive_effect"] == 5 and z["allocation_effect"] == 0


def test_shift_share_refuses_an_empty_base_year():
    zero = pd.DataFrame([[0.0]], index=["A"], columns=["x"])
    with pytest.raises(InputError):
        shift_share(zero, zero + 1)


# Amounts as data hold them (万元, jobs): zero or at least 0.001, never subnormal.
_amounts = st.just(0.0) | st.floats(1e-3, 1e9)
_pair = st.integers(1, 5).flatmap(lambda r: st.integers(1, 5).flatmap(
    lambda i: st.tuples(*[arrays(np.float64, (r, i), elements=_amounts)
                          for _ in range(2)])))


@settings(max_examples=80, deadline=None)
@given(_pair)
def test_shift_share_components_add_up_to_the_actual_change(pair):
    """NS + IM + RS = E¹ − E⁰ in every cell and region; CE + AE = RS in every cell; with no new
    industry, Σ_ri IM_ri = Σ_i E⁰_i (g_i − g) = E¹ − (1 + g) E⁰ = 0."""
    e0, e1 = pair
    if e0.sum() == 0:
        e0[0, 0] = 1.0
    labels = {"index": [f"r{k}" for k in range(e0.shape[0])],
              "columns": [f"i{k}" for k in range(e0.shape[1])]}
    result = shift_share(pd.DataFrame(e0, **labels), pd.DataFrame(e1, **labels))
    cells = result.cells
    # Float tolerance scaled to the table: rates such as E¹/E⁰ − 1 lose digits on large tables.
    tolerance = 1e-9 * (e0.sum() + e1.sum()) + 1e-9
    parts = cells["national_share"] + cells["industry_mix"] + cells["regional_shift"]
    assert np.allclose(parts, cells["change"], rtol=0, atol=tolerance)
    split = cells["competitive_effect"] + cells["allocation_effect"]
    split_scale = cells[["competitive_effect", "allocation_effect"]].abs().sum(axis=1)
    assert (np.abs(split - cells["regional_shift"]) <= 1e-9 * split_scale + tolerance).all()
    regions = result.regions
    region_parts = regions["national_share"] + regions["industry_mix"] + regions["regional_shift"]
    assert np.allclose(region_parts, regions["change"], rtol=0, atol=tolerance)
    if not result.new_industries:  # industry mix redistributes growth: it sums to 0 overall
        assert abs(regions["industry_mix"].sum()) <= tolerance
