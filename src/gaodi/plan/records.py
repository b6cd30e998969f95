"""Flat records of a plan, one per indicator, for the store to save."""

from __future__ import annotations

from typing import Any

from gaodi.plan.model import Plan


def plan_to_records(plan: Plan) -> list[dict[str, Any]]:
    """Return one flat record per indicator, the target spread into ``target_*`` fields.

    Keys: plan_id, number, name, category, unit, base, base_year, base_note, target_op,
    target_value, target_low, target_high, target_cumulative, target_approximate, target_rank,
    target_year, target_text, attribute, responsible, source, line. Milestones are not included.
    """
    records = []
    for ind in plan.indicators:
        t = ind.target
        records.append({
            "plan_id": plan.id, "number": ind.number, "name": ind.name, "category": ind.category,
            "unit": ind.unit, "base": ind.base, "base_year": ind.base_year,
            "base_note": ind.base_note, "target_op": t.op, "target_value": t.value,
            "target_low": t.low, "target_high": t.high, "target_cumulative": t.cumulative,
            "target_approximate": t.approximate, "target_rank": t.rank,
            "target_year": t.year if t.year is not None else plan.target_year,
            "target_text": t.text, "attribute": ind.attribute, "responsible": ind.responsible,
            "source": ind.source, "line": ind.line,
        })
    return records
