"""The explained result every scoring method returns, and the ranking rule they share."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import rankdata


def rank_descending(values: pd.Series) -> pd.Series:
    """Rank values so that the largest gets rank 1; ties share the best rank (1, 2, 2, 4).

    This is "competition" ranking (scipy ``method="min"`` on the negated values): two
    alternatives with the same score get the same rank and the next rank is skipped.
    """
    ranks = rankdata(-values.to_numpy(dtype=float), method="min")
    return pd.Series(ranks.astype(int), index=values.index, name="rank")


@dataclass(frozen=True)
class AlternativeScore:
    """One alternative (enterprise, park, cluster) under one method.

    ``contributions`` holds the part of the total each indicator gives. For additive methods
    (weighted ratio to benchmark, min-max with floor) they add up to ``total``; for TOPSIS they
    are the weighted normalised values v_ij, and ``extra`` holds the distances D+ and D-.
    """

    id: str
    contributions: dict[str, float]
    total: float
    rank: int
    class_label: str | None = None
    extra: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationResult:
    """Scores, ranks and classes of a set of alternatives, with what is needed to explain them."""

    method: str
    parameters: dict[str, Any]
    indicators: list[str]
    directions: dict[str, str]
    weights: dict[str, float]
    alternatives: list[AlternativeScore]
    notes: list[str] = field(default_factory=list)
    class_scheme: dict[str, Any] | None = None

    @property
    def totals(self) -> pd.Series:
        """The total score of each alternative, indexed by id."""
        return pd.Series({a.id: a.total for a in self.alternatives}, name=self.method, dtype=float)

    @property
    def ranks(self) -> pd.Series:
        return pd.Series({a.id: a.rank for a in self.alternatives}, name="rank", dtype=int)

    @property
    def classes(self) -> pd.Series:
        return pd.Series(
            {a.id: a.class_label for a in self.alternatives}, name="class", dtype=object
        )

    def with_classes(self, labels: pd.Series, scheme: dict[str, Any]) -> EvaluationResult:
        """Return a copy whose alternatives carry the class labels given by id."""
        alternatives = [
            dataclasses.replace(a, class_label=str(labels[a.id])) for a in self.alternatives
        ]
        return dataclasses.replace(self, alternatives=alternatives, class_scheme=scheme)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat record per alternative, best first: id, total, rank, class, each indicator."""
        records = []
        for a in sorted(self.alternatives, key=lambda a: (a.rank, a.id)):
            record: dict[str, Any] = {
                "id": a.id,
                "total": a.total,
                "rank": a.rank,
                "class": a.class_label,
            }
            record.update(a.contributions)
            record.update(a.extra)
            records.append(record)
        return records

    def as_dict(self) -> dict[str, Any]:
        """The whole explanation as JSON-ready values (method, parameters, weights, scores)."""
        return {
            "method": self.method,
            "parameters": _plain(self.parameters),
            "indicators": list(self.indicators),
            "directions": dict(self.directions),
            "weights": _plain(self.weights),
            "class_scheme": _plain(self.class_scheme),
            "notes": list(self.notes),
            "alternatives": _plain(self.to_records()),
        }


def build_result(
    method: str,
    parameters: dict[str, Any],
    directions: dict[str, str],
    weights: dict[str, float],
    contributions: pd.DataFrame,
    totals: pd.Series,
    extra: pd.DataFrame | None = None,
    notes: list[str] | None = None,
) -> EvaluationResult:
    """Assemble an :class:`EvaluationResult` from per-indicator contributions and totals."""
    ranks = rank_descending(totals)
    alternatives = []
    for alt_id in contributions.index:
        alternatives.append(
            AlternativeScore(
                id=str(alt_id),
                contributions={
                    c: float(contributions.at[alt_id, c]) for c in contributions.columns
                },
                total=float(totals[alt_id]),
                rank=int(ranks[alt_id]),
                extra={}
                if extra is None
                else {c: float(extra.at[alt_id, c]) for c in extra.columns},
            )
        )
    return EvaluationResult(
        method=method,
        parameters=parameters,
        indicators=list(contributions.columns),
        directions=dict(directions),
        weights={k: float(v) for k, v in weights.items()},
        alternatives=alternatives,
        notes=list(notes or []),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (np.floating, np.integer, np.bool_)):
        return value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value
