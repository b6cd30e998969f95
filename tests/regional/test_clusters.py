"""Strong-cluster flags (U.S. Cluster Mapping Project style) on a hand-calculated example."""

from __future__ import annotations

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.regional import strong_clusters

# Five regions, two industries. Totals: x 84, y 121, all 205.
VALUES = pd.DataFrame(
    {"x": [40.0, 10.0, 30.0, 4.0, 0.0], "y": [10.0, 40.0, 20.0, 1.0, 50.0]},
    index=["A", "B", "C", "D", "E"],
)


def _strong(table: pd.DataFrame) -> set[tuple[str, str]]:
    return set(map(tuple, table.loc[table["strong"], ["region", "industry"]].to_numpy()))


def test_strong_clusters_follow_the_hand_calculated_quartiles():
    """Hand calculation. Industry x (E has none, so 4 regions): LQ = share in region / 84/205:
    A .8 → 1.9524, B .2 → 0.4881, C .6 → 1.4643, D .8 → 1.9524; Q.75 of the sorted LQs at position
    2.25 = 1.9524 → A and D specialised. Sizes 4, 10, 30, 40: Q.25 at position 0.75 = 4 + .75·6 = 8.5
    → D (4) too small. Industry y: LQ A .3388, B 1.3554, C .6777, D .3388, E 1.6942; Q.75 at
    position 3 = 1.3554 → B, E. Sizes 1, 10, 20, 40, 50: Q.25 = 10, and A (10) is not above it.
    Strong: (A, x), (B, y), (E, y)."""
    table = strong_clusters(VALUES)
    assert _strong(table) == {("A", "x"), ("B", "y"), ("E", "y")}
    row = table.set_index(["region", "industry"])
    assert row.loc[("A", "x"), "lq"] == pytest.approx(0.8 / (84 / 205))
    assert row.loc[("A", "x"), "size_threshold"] == pytest.approx(8.5)
    assert row.loc[("B", "y"), "lq_threshold"] == pytest.approx(0.8 / (121 / 205))
    assert row.loc[("D", "x"), "reason"] == "size_below_threshold"
    assert row.loc[("C", "x"), "reason"] == "lq_below_threshold"
    assert row.loc[("A", "y"), "reason"] == "lq_and_size_below_threshold"
    assert ("E", "x") not in row.index  # no activity: not a candidate


def test_strong_cluster_thresholds_are_parameters():
    """min_lq 1.5 drops (B, y) whose LQ is 1.3554; the others stay."""
    assert _strong(strong_clusters(VALUES, min_lq=1.5)) == {("A", "x"), ("E", "y")}


def test_strong_clusters_refuse_a_quantile_outside_zero_one():
    with pytest.raises(InputError) as info:
        strong_clusters(VALUES, lq_quantile=75)
    assert "lq_quantile" in info.value.message
