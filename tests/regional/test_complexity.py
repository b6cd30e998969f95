"""RCA, proximity, density, ECI and PCI: by hand on a tiny case, and against `ecomplexity`."""

from __future__ import annotations

import contextlib
import io
import warnings

import numpy as np
import pandas as pd
import pytest
from ecomplexity import ecomplexity
from ecomplexity import proximity as ec_proximity
from hypothesis import given, settings
from hypothesis import strategies as st

from gaodi.errors import DataQualityError
from gaodi.regional import economic_complexity

COLS = {"time": "year", "loc": "region", "prod": "industry", "val": "value"}


def _seeded(n_regions: int = 40, n_industries: int = 25, seed: int = 7) -> pd.DataFrame:
    """Nested data (capable regions hold complex industries) with one empty row and column."""
    rng = np.random.default_rng(seed)
    capability, complexity = rng.normal(size=n_regions), rng.normal(size=n_industries)
    p = 1 / (1 + np.exp(-2 * (capability[:, None] - complexity[None, :])))
    values = (rng.random((n_regions, n_industries)) < p) * rng.lognormal(3, 1, p.shape)
    values[values.sum(axis=1) == 0, np.argmin(complexity)] = 1.0  # only R05 is to be empty
    values[np.argmax(capability), values.sum(axis=0) == 0] = 1.0  # only column 3 is to be empty
    values[5, :] = 0.0
    values[:, 3] = 0.0
    return pd.DataFrame(values, index=[f"R{k:02d}" for k in range(n_regions)],
                        columns=[f"{3900 + k}" for k in range(n_industries)])


def _reference(matrix: pd.DataFrame):
    long = matrix.rename_axis(index="region", columns="industry").stack().rename("value")
    long = long.reset_index().assign(year=2025)
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        out = ecomplexity(long, COLS, check_logsupermodularity=False, verbose=False)
        prox = ec_proximity(long, COLS)
    return out, prox


def test_tiny_case_matches_hand_calculation():
    """X = [[10,10,0],[0,10,10],[10,0,0]] (r1..r3 × i1..i3); x_r = 20,20,10; x_i = 20,20,10;
    x = 50. RCA r1i1 = 10·50/(20·20) = 1.25, r2i3 = 10·50/(20·10) = 2.5, r3i1 = 2.5.
    M = [[1,1,0],[0,1,1],[1,0,0]]; diversity 2,2,1; ubiquity 2,2,1.
    φ12 = 1/max(2,2) = .5, φ13 = 0, φ23 = 1/max(2,1) = .5; column sums of φ 1.5, 2, 1.5.
    ω(r1,i3) = (0 + .5 + 0)/1.5 = 1/3; ω(r2,i1) = (0 + .5 + 0)/1.5 = 1/3; ω(r3,i2) = .5/2 = .25."""
    x = pd.DataFrame([[10.0, 10, 0], [0, 10, 10], [10, 0, 0]], index=["r1", "r2", "r3"],
                     columns=["i1", "i2", "i3"])
    result = economic_complexity(x)
    assert result.rca.loc["r1", "i1"] == pytest.approx(1.25)
    assert result.rca.loc["r2", "i3"] == pytest.approx(2.5)
    assert result.presence.to_numpy().tolist() == [[1, 1, 0], [0, 1, 1], [1, 0, 0]]
    assert result.diversity.to_list() == [2, 2, 1] and result.ubiquity.to_list() == [2, 2, 1]
    assert result.proximity.to_numpy() == pytest.approx(
        np.array([[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]]))
    assert result.density.loc["r1", "i3"] == pytest.approx(1 / 3)
    assert result.density.loc["r2", "i1"] == pytest.approx(1 / 3)
    assert result.density.loc["r3", "i2"] == pytest.approx(0.25)


def test_tiny_case_eci_and_pci_match_hand_calculation():
    """Same X. M̃_pp = D_u⁻¹ Mᵀ D_d⁻¹ M = [[.75,.25,0],[.25,.5,.25],[0,.5,.5]]; trace 1.75 and
    determinant .0625 give λ = 1, (3 ± √5)/8, so λ₂ = 0.6545. Its eigenvector: v₂ = −4(.75 − λ₂)v₁
    = −.382 v₁, v₃ = .5 v₂ / (λ₂ − .5) = −1.236 v₁ → kp ∝ (1, −.382, −1.236); kc = D_d⁻¹ M kp =
    (.309, −.809, 1), which falls with diversity (2, 2, 1), so both signs flip. z-scores (ddof 0):
    ECI = (−0.191, 1.309, −1.118), PCI = (−1.309, 0.191, 1.118)."""
    x = pd.DataFrame([[10.0, 10, 0], [0, 10, 10], [10, 0, 0]], index=["r1", "r2", "r3"],
                     columns=["i1", "i2", "i3"])
    result = economic_complexity(x)
    assert result.second_eigenvalue == pytest.approx((3 + 5 ** 0.5) / 8)
    assert result.eci.to_list() == pytest.approx([-0.191, 1.309, -1.118], abs=1e-3)
    assert result.pci.to_list() == pytest.approx([-1.309, 0.191, 1.118], abs=1e-3)


def test_eci_pci_density_and_proximity_agree_with_ecomplexity():
    """ecomplexity (Growth Lab's package) on the same long table. ECI: both z-scored with the
    population standard deviation, sign aligned with diversity: equal. PCI: ecomplexity rescales it
    with ECI's mean and standard deviation (the Stata convention); re-z-scored on itself it must
    equal ours. It drops all-zero rows and columns, so the comparison runs on the active part."""
    matrix = _seeded()
    ours = economic_complexity(matrix)
    out, prox = _reference(matrix)
    eci = out.groupby("region")["eci"].first().dropna()
    pci = out.groupby("industry")["pci"].first().dropna()
    pci = (pci - pci.mean()) / pci.std(ddof=0)
    assert ours.eci.index.to_list() == eci.index.to_list()
    assert ours.eci.to_numpy() == pytest.approx(eci.to_numpy(), abs=1e-9)
    assert ours.pci.loc[pci.index].to_numpy() == pytest.approx(pci.to_numpy(), abs=1e-9)
    density = out.set_index(["region", "industry"])["density"].dropna()
    ours_density = ours.density.stack().loc[density.index]
    assert ours_density.to_numpy() == pytest.approx(density.to_numpy(), abs=1e-12)
    phi = prox.pivot(index="industry_1", columns="industry_2", values="proximity")
    assert ours.proximity.loc[phi.index, phi.columns].to_numpy() == pytest.approx(
        phi.to_numpy(), abs=1e-12)
    assert np.corrcoef(ours.eci, ours.diversity.loc[ours.eci.index])[0, 1] > 0


def test_large_case_solved_by_lanczos_agrees_with_ecomplexity():
    """Above 200 industries the second eigenvector comes from ARPACK's Lanczos, not a dense
    solver; ECI and PCI must still equal ecomplexity's (np.linalg.eig on the full matrix)."""
    matrix = _seeded(n_regions=300, n_industries=240, seed=11)
    ours = economic_complexity(matrix)
    out, _ = _reference(matrix)
    eci = out.groupby("region")["eci"].first().dropna()
    pci = out.groupby("industry")["pci"].first().dropna()
    pci = (pci - pci.mean()) / pci.std(ddof=0)
    assert ours.eci.loc[eci.index].to_numpy() == pytest.approx(eci.to_numpy(), abs=1e-8)
    assert ours.pci.loc[pci.index].to_numpy() == pytest.approx(pci.to_numpy(), abs=1e-8)


def test_empty_rows_and_columns_are_reported_and_produce_no_nan():
    result = economic_complexity(_seeded())
    assert [(e.label, e.reason) for e in result.excluded_regions] == [("R05", "no_activity")]
    assert [(e.label, e.reason) for e in result.excluded_industries] == [("3903", "no_activity")]
    assert "R05" not in result.eci.index and "3903" not in result.pci.index
    for frame in (result.rca, result.density, result.proximity):
        assert not frame.isna().any().any()
    assert not result.eci.isna().any() and not result.pci.isna().any()
    assert (result.density.loc[:, "3903"] == 0).all()


def test_regions_and_industries_without_rca_above_threshold_are_reported_with_their_reason():
    """The tiny case above plus a region "even" with the provincial mix (20, 20, 10) and an industry
    z worth 10 % of every region's total: "even" and z then have RCA exactly 1 everywhere, below a
    threshold of 1.2, while the tiny case keeps its M (lowest RCA 10/22 ÷ 40/110 = 1.25)."""
    x = pd.DataFrame([[10.0, 10, 0, 2], [0, 10, 10, 2], [10, 0, 0, 1], [20, 20, 10, 5]],
                     index=["r1", "r2", "r3", "even"], columns=["i1", "i2", "i3", "z"])
    result = economic_complexity(x, threshold=1.2)
    assert [(e.label, e.reason) for e in result.excluded_regions] == [
        ("even", "no_comparative_advantage")]
    assert [(e.label, e.reason) for e in result.excluded_industries] == [
        ("z", "not_present_anywhere")]
    assert result.presence.loc[["r1", "r2", "r3"], ["i1", "i2", "i3"]].to_numpy().tolist() == [
        [1, 1, 0], [0, 1, 1], [1, 0, 0]]
    assert result.eci.index.to_list() == ["r1", "r2", "r3"]


def test_disconnected_presence_network_is_noted():
    x = pd.DataFrame([[5.0, 5, 0, 0], [5, 0, 0, 0], [0, 0, 5, 5], [0, 0, 5, 0]],
                     index=list("abcd"), columns=list("wxyz"))
    result = economic_complexity(x)
    assert result.components == 2
    assert result.notes and "互不相连" in result.notes[0]


def test_complexity_needs_two_regions_with_advantage():
    with pytest.raises(DataQualityError):
        economic_complexity(pd.DataFrame([[1.0, 2.0]], index=["only"], columns=["x", "y"]))


@settings(max_examples=25, deadline=None)
@given(st.sets(st.integers(0, 42), max_size=4), st.sets(st.integers(0, 27), max_size=3))
def test_adding_empty_regions_or_industries_changes_nothing_else(rows, cols):
    """Empty rows and columns inserted anywhere are reported and leave ECI/PCI of the rest as is."""
    base = _seeded()
    reference = economic_complexity(base)
    grown = base.copy()
    for k in sorted(rows):
        grown.loc[f"E{k:02d}"] = 0.0
    for k in sorted(cols):
        grown[f"Z{k:02d}"] = 0.0
    grown = grown.sample(frac=1.0, random_state=len(rows) * 31 + len(cols))
    result = economic_complexity(grown)
    excluded = {e.label for e in result.excluded_regions}
    assert excluded == {"R05"} | {f"E{k:02d}" for k in rows}
    assert {e.label for e in result.excluded_industries} == {"3903"} | {f"Z{k:02d}" for k in cols}
    assert result.eci.loc[reference.eci.index].to_numpy() == pytest.approx(
        reference.eci.to_numpy(), abs=1e-9)
    assert result.pci.loc[reference.pci.index].to_numpy() == pytest.approx(
        reference.pci.to_numpy(), abs=1e-9)
