"""Helpers of the plan tests: where the fixture documents are, and a compact view of a row."""

from __future__ import annotations

from pathlib import Path

from gaodi.plan import Indicator

DOCUMENTS = Path(__file__).parent / "documents"


def row(ind: Indicator) -> tuple:
    """(number, name, unit, base, base_year, op, value or (low, high), cumulative, target year)."""
    t = ind.target
    amount = (t.low, t.high) if t.op == "range" else t.value
    return (ind.number, ind.name, ind.unit, ind.base, ind.base_year, t.op, amount, t.cumulative,
            t.year)
