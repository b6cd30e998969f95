"""Confidentiality of chain figures: primary and secondary cell suppression.

Primary rule (阈值规则): a cell whose figures come from fewer than ``min_count`` enterprises shows no
figure; it is marked ``suppressed`` (never shown as zero).

Secondary rule (防减推): a published table holds cells and their totals (every combination of its
dimensions, ``*`` standing for "all"). Each total with the cells it adds up is a *group*
(total = Σ cells). A suppressed cell must not be recoverable by subtraction, so

1. in every group whose total is shown, the number of suppressed cells is 0 or at least 2: when it
   is 1, the shown cell with the fewest enterprises (then the smallest amount, then the first key)
   is suppressed too; when no other cell is left, the total is suppressed;
2. after that, the published totals and cells are solved as a linear system: any suppressed cell
   whose value the system still fixes (it lies outside every null direction of the equations) gets
   one more of its group partners suppressed, and the check repeats.

Rule 2 makes the guarantee exact for sums: no suppressed amount can be derived from the published
ones by any combination of additions and subtractions. Bounds from non-negativity (a suppressed
value lies between 0 and its total) are not hidden; that is the usual practice of statistical offices.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

ALL = "*"


def suppress(cube: pd.DataFrame, dims: Sequence[str], count: str, amount: str,
             min_count: int = 3) -> pd.Series:
    """Return, for each row of ``cube``, None (shown), 'primary' or 'secondary'.

    ``cube`` has one row per cell and per total; ``dims`` are its key columns, ``ALL`` marking a
    total over a dimension. ``count`` is the number of enterprises behind a row, ``amount`` the
    additive figure used to break ties.
    """
    cube = cube.reset_index(drop=True)
    status = pd.Series([None] * len(cube), dtype=object)
    status[cube[count].to_numpy() < min_count] = "primary"
    groups = _groups(cube, list(dims))
    order = np.lexsort((np.arange(len(cube)), cube[amount].to_numpy(), cube[count].to_numpy()))
    rank = np.empty(len(cube), dtype=int)
    rank[order] = np.arange(len(cube))
    while True:
        changed = _one_per_group(groups, status, rank)
        if not changed:
            changed = _determined(groups, status, rank, len(cube))
        if not changed:
            return status


def _groups(cube: pd.DataFrame, dims: list[str]) -> list[tuple[int, list[int]]]:
    """(total row, [cell rows]) for every total and every dimension it sums over."""
    index = {tuple(r): i for i, r in enumerate(cube[dims].itertuples(index=False, name=None))}
    children: dict[tuple[int, int], list[int]] = {}
    for key, i in index.items():
        for d, v in enumerate(key):
            if v == ALL:
                continue
            parent = index.get(key[:d] + (ALL,) + key[d + 1:])
            if parent is not None:
                children.setdefault((parent, d), []).append(i)
    return [(p, kids) for (p, _), kids in children.items()]


def _one_per_group(groups, status: pd.Series, rank: np.ndarray) -> bool:
    changed = False
    for total, kids in groups:
        if status[total] is not None:
            continue
        hidden = [k for k in kids if status[k] is not None]
        if len(hidden) != 1:
            continue
        shown = [k for k in kids if status[k] is None]
        if shown:
            status[min(shown, key=lambda k: rank[k])] = "secondary"
        else:
            status[total] = "secondary"
        changed = True
    return changed


def _determined(groups, status: pd.Series, rank: np.ndarray, n: int) -> bool:
    """Suppress one more partner of the first suppressed row the published sums still determine."""
    hidden = [i for i in range(n) if status[i] is not None]
    if not hidden:
        return False
    col = {row: j for j, row in enumerate(hidden)}
    rows = []
    for total, kids in groups:
        coeffs = np.zeros(len(hidden))
        for row, sign in [(total, 1.0)] + [(k, -1.0) for k in kids]:
            if row in col:
                coeffs[col[row]] += sign
        if coeffs.any():
            rows.append(coeffs)
    if not rows:
        return False
    a = np.vstack(rows)
    _, s, vt = np.linalg.svd(a)
    rank_a = int((s > 1e-9 * max(s.max(), 1.0)).sum())
    null = vt[rank_a:].T  # columns span the directions the published sums leave free
    free = np.abs(null).max(axis=1) > 1e-9 if null.size else np.zeros(len(hidden), bool)
    for j in np.argsort([rank[h] for h in hidden]):
        if free[j]:
            continue
        row = hidden[j]
        partners = sorted({k for total, kids in groups if row == total or row in kids
                           for k in [total, *kids] if status[k] is None}, key=lambda k: rank[k])
        if partners:
            status[partners[0]] = "secondary"
            return True
    return False
