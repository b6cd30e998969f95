"""Regions and industries a method cannot use, and why: reported back, never silently dropped."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

NO_ACTIVITY = "no_activity"
NO_ADVANTAGE = "no_comparative_advantage"
NOT_PRESENT_ANYWHERE = "not_present_anywhere"

_REASONS = {
    NO_ACTIVITY: ("全部数值为 0，没有任何经济活动", "all values are zero: no activity at all"),
    NO_ADVANTAGE: ("没有任何行业达到显性比较优势门槛（多样性为 0）",
                   "no industry reaches the RCA threshold (diversity is 0)"),
    NOT_PRESENT_ANYWHERE: ("没有任何地区在该行业达到显性比较优势门槛（普遍性为 0）",
                           "no region reaches the RCA threshold in it (ubiquity is 0)"),
}


@dataclass(frozen=True)
class Exclusion:
    """One region or industry left out of a computation, with the reason in Chinese and English."""

    label: str
    reason: str
    reason_zh: str
    reason_en: str


def exclusion(label: object, reason: str) -> Exclusion:
    """Build an :class:`Exclusion` for one of the documented reason codes."""
    zh, en = _REASONS[reason]
    return Exclusion(label=str(label), reason=reason, reason_zh=zh, reason_en=en)


def inactive(matrix: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Boolean masks of the regions (rows) and industries (columns) whose values are all zero."""
    values = matrix.to_numpy(dtype=float)
    return values.sum(axis=1) == 0, values.sum(axis=0) == 0


def active_part(matrix: pd.DataFrame) -> tuple[pd.DataFrame, list[Exclusion], list[Exclusion]]:
    """Split off all-zero rows and columns: the active sub-matrix and the two exclusion lists."""
    empty_rows, empty_cols = inactive(matrix)
    excluded_regions = [exclusion(r, NO_ACTIVITY) for r in matrix.index[empty_rows]]
    excluded_industries = [exclusion(i, NO_ACTIVITY) for i in matrix.columns[empty_cols]]
    return matrix.loc[~empty_rows, ~empty_cols], excluded_regions, excluded_industries
