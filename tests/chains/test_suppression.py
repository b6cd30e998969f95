"""Cell suppression: primary threshold, secondary rule, and no value can be subtracted back."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from gaodi.chains.analysis import ChainAnalysis, Options
from gaodi.chains.suppression import ALL, suppress

from .test_rates import row


def cube_2d(counts: np.ndarray, amounts: np.ndarray) -> pd.DataFrame:
    """A rows × columns table with its row, column and grand totals (counts add up too)."""
    rows = []
    r, c = counts.shape
    for i, j in itertools.product(range(r), range(c)):
        rows.append((f"r{i}", f"c{j}", counts[i, j], amounts[i, j]))
    for i in range(r):
        rows.append((f"r{i}", ALL, counts[i].sum(), amounts[i].sum()))
    for j in range(c):
        rows.append((ALL, f"c{j}", counts[:, j].sum(), amounts[:, j].sum()))
    rows.append((ALL, ALL, counts.sum(), amounts.sum()))
    return pd.DataFrame(rows, columns=["a", "b", "n", "amount"])


def determined(cube: pd.DataFrame, hidden: np.ndarray) -> list[int]:
    """Suppressed rows whose value the published sums fix: e_k lies in the row space of the
    equations restricted to the hidden rows (rank test), written independently of the module."""
    key = {(a, b): k for k, (a, b) in enumerate(zip(cube.a, cube.b))}
    eqs = []
    for (a, b), k in key.items():
        if a == ALL and b == ALL:
            parts = [[key[(x, ALL)] for x in cube.a.unique() if x != ALL],
                     [key[(ALL, y)] for y in cube.b.unique() if y != ALL]]
        elif a == ALL:
            parts = [[key[(x, b)] for x in cube.a.unique() if x != ALL]]
        elif b == ALL:
            parts = [[key[(a, y)] for y in cube.b.unique() if y != ALL]]
        else:
            continue
        for kids in parts:
            v = np.zeros(len(cube))
            v[k], v[kids] = 1.0, -1.0
            eqs.append(v[hidden])
    a = np.array(eqs)
    base = np.linalg.matrix_rank(a)
    out = []
    for j in range(hidden.sum()):
        e = np.zeros(hidden.sum())
        e[j] = 1.0
        if np.linalg.matrix_rank(np.vstack([a, e])) == base:
            out.append(j)
    return out


def test_a_single_small_cell_takes_partners_by_the_documented_rule():
    """3 × 3 table, only (r0, c0) has 2 enterprises. Worked by hand with the rule (fewest enterprises,
    then smallest amount): column c0 → (r1, c0) [4]; row r0 → (r0, c1) [5]; column c1 → (r2, c1) [7 < 8];
    row r1 → (r1, c1) [8, amount 50 < 60]; row r2 → (r2, c0) [6]. Every row then hides 2 cells and
    columns c0, c1 all 3: six cells, none recoverable (the greedy rule is safe, not minimal)."""
    counts = np.array([[2, 5, 9], [4, 8, 8], [6, 7, 9]])
    amounts = np.array([[10.0, 20, 30], [40, 50, 60], [70, 80, 90]])
    cube = cube_2d(counts, amounts)
    status = suppress(cube, ["a", "b"], "n", "amount", 3)
    hidden = set(zip(cube.a[status.notna()], cube.b[status.notna()]))
    assert hidden == {(f"r{i}", f"c{j}") for i in range(3) for j in range(2)}
    assert status[(cube.a == "r0") & (cube.b == "c0")].item() == "primary"
    assert determined(cube, status.notna().to_numpy()) == []


def test_a_suppressed_cell_is_never_shown_as_zero(tmp_path_factory, workspace):
    """T-U2 has 2 buyers (B2, B3) < 3: suppressed; T-U1 is then suppressed too, since the chain total
    minus T-U1 would give T-U2 back."""
    r = ChainAnalysis.from_store(workspace.store, Options(min_count=3)).rates("2025")
    u1, u2, total = row(r, segment_id="T-U1"), row(r, segment_id="T-U2"), row(r, segment_id="*")
    assert u2.suppressed == "primary" and u2.purchases is None and u2.province_rate is None
    assert u1.suppressed == "secondary" and u1.purchases is None
    assert total.suppressed is None and total.purchases == 445


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(1, 5), st.data())
def test_no_suppressed_value_can_be_subtracted_back(n_rows, n_cols, data):
    counts = np.array(data.draw(st.lists(st.integers(0, 6), min_size=n_rows * n_cols,
                                         max_size=n_rows * n_cols))).reshape(n_rows, n_cols) + 1
    amounts = np.array(data.draw(st.lists(st.floats(1, 1000), min_size=n_rows * n_cols,
                                          max_size=n_rows * n_cols))).reshape(n_rows, n_cols)
    cube = cube_2d(counts, amounts)
    status = suppress(cube, ["a", "b"], "n", "amount", 3)
    hidden = status.notna().to_numpy()
    assert (hidden | (cube.n.to_numpy() >= 3)).all()  # every small cell is hidden
    for k in np.flatnonzero(cube.n.to_numpy() < 3):
        assert status[k] == "primary"
    # group rule: a shown total never has exactly one hidden cell under it
    for (a, b), total in zip(zip(cube.a, cube.b), hidden):
        if total or (a != ALL and b != ALL):
            continue
        if a == ALL and b == ALL:
            groups = [cube[(cube.a != ALL) & (cube.b == ALL)], cube[(cube.a == ALL) & (cube.b != ALL)]]
        elif a == ALL:
            groups = [cube[(cube.a != ALL) & (cube.b == b)]]
        else:
            groups = [cube[(cube.a == a) & (cube.b != ALL)]]
        for grp in groups:
            assert hidden[grp.index].sum() != 1
    if hidden.any():
        assert determined(cube, hidden) == []
