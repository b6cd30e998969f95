"""A/B/C/D classes by score bounds and by rank percentile."""

from __future__ import annotations

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import ClassBound, ClassScheme, classify_by_percentile, classify_by_thresholds

BOUNDS = {"A": (80, 100), "B": (60, 80), "C": (40, 60), "D": (0, 40)}


def test_thresholds_put_a_boundary_score_in_the_higher_class_and_keep_the_top_inclusive():
    scores = pd.Series({"e1": 100, "e2": 80, "e3": 79.99, "e4": 60, "e5": 40, "e6": 0, "e7": 39.9})
    assert classify_by_thresholds(scores, BOUNDS).tolist() == ["A", "A", "B", "B", "C", "D", "D"]


def test_thresholds_accept_open_ends():
    bounds = [ClassBound("A", 85, None), ClassBound("B", 70, 85), ClassBound("C", None, 70)]
    scores = pd.Series({"x": 130.0, "y": 70.0, "z": -5.0})
    assert classify_by_thresholds(scores, bounds).tolist() == ["A", "B", "C"]


def test_thresholds_reject_overlapping_bounds():
    with pytest.raises(InputError, match="重叠") as info:
        classify_by_thresholds(pd.Series([50.0]), {"A": (80, None), "B": (55, 85), "C": (None, 55)})
    assert "overlap" in info.value.message_en


def test_thresholds_reject_a_gap_between_classes():
    with pytest.raises(InputError, match="空档"):
        classify_by_thresholds(pd.Series([50.0]), {"A": (80, None), "B": (60, 75), "C": (None, 60)})


def test_thresholds_reject_an_empty_interval():
    with pytest.raises(InputError, match="下限"):
        classify_by_thresholds(pd.Series([50.0]), {"A": (80, 80), "B": (None, 80)})


def test_thresholds_reject_a_score_outside_every_class_and_name_it():
    with pytest.raises(InputError, match="e9"):
        classify_by_thresholds(pd.Series({"e9": 120.0}), BOUNDS)


def test_percentile_default_cuts_on_ten_distinct_scores():
    """A top 25 %, B to 70 %, C to 95 %, D the rest; with n = 10 and p = rank/10:
    ranks 1–2 (p ≤ 0.25) A, ranks 3–7 (p ≤ 0.70) B, ranks 8–9 (p ≤ 0.95) C, rank 10 D."""
    scores = pd.Series({f"e{i}": float(100 - i) for i in range(1, 11)})
    classes = classify_by_percentile(scores)
    assert classes.tolist() == ["A", "A", "B", "B", "B", "B", "B", "C", "C", "D"]


def test_percentile_ties_share_the_better_class():
    """Scores 90, 80, 80, 70 with cuts A = 0.25, B = 1: the tied pair has rank 2 (p = 0.5) — both B.
    With A = 0.5 the tied pair sits on the boundary and both get A (3 of 4 in A, nobody is
    pushed down)."""
    scores = pd.Series({"a": 90.0, "b": 80.0, "c": 80.0, "d": 70.0})
    assert classify_by_percentile(scores, {"A": 0.25, "B": 1.0}).tolist() == ["A", "B", "B", "B"]
    assert classify_by_percentile(scores, {"A": 0.5, "B": 1.0}).tolist() == ["A", "A", "A", "B"]


@pytest.mark.parametrize(
    "cuts, words",
    [
        ({"A": 0.5, "B": 0.4, "C": 1.0}, "累计比例"),
        ({"A": 0.3, "B": 0.9}, "应为 1"),
        ({"A": 0.0, "B": 1.0}, "累计比例"),
        ([("A", 0.5), ("A", 1.0)], "重复"),
    ],
)
def test_percentile_rejects_bad_cuts(cuts, words):
    with pytest.raises(InputError, match=words):
        classify_by_percentile(pd.Series([1.0, 2.0]), cuts)


def test_class_scheme_describes_itself_for_json():
    scheme = ClassScheme.thresholds({"A": (60, None), "B": (None, 60)})
    assert scheme.describe() == {"kind": "thresholds", "bounds": {"A": [60, None], "B": [None, 60]}}
    assert ClassScheme.percentile().describe()["cuts"] == {
        "A": 0.25,
        "B": 0.70,
        "C": 0.95,
        "D": 1.0,
    }
