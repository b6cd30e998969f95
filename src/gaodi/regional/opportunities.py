"""Growth opportunities: the industries each region could grow into, with the reasons.

For every region r that enters the complexity computation and every industry i where it has no
comparative advantage yet (M_ri = 0) and that has a PCI:

    feasibility:     density ω_ri (Hidalgo et al. 2007); distance = 1 − ω_ri
    attractiveness:  A_ri = PCI_i + β · p_i

PCI_i is z-scored (see :mod:`gaodi.regional.complexity`), p_i ∈ [0, 1] is the industry's priority
weight (0 when it is on no priority list) and β (``priority_bonus``, default 1) says how much a full
priority is worth in standard deviations of PCI: with β = 1 a plan priority counts as if it were one
standard deviation more complex. This mirrors the Atlas of Economic Complexity's pairing of
"distance" (feasibility) with "complexity/opportunity gain" (value), with the plan's own priorities
added to the value side. Both rankings are given (1 = best within the region); neither is a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from gaodi.errors import InputError
from gaodi.regional.complexity import ComplexityResult
from gaodi.regional.exclusions import Exclusion
from gaodi.regional.future_industries import Priority

SORT_KEYS = {"density": "feasibility_rank", "attractiveness": "attractiveness_rank"}


@dataclass
class OpportunitiesResult:
    """Candidate industries per region, priorities that matched nothing, and what was left out."""

    table: pd.DataFrame
    unmatched_priorities: list[str] = field(default_factory=list)
    excluded_regions: list[Exclusion] = field(default_factory=list)
    excluded_industries: list[Exclusion] = field(default_factory=list)


def growth_opportunities(result: ComplexityResult, priorities: Sequence[Priority] = (), *,
                         priority_bonus: float = 1.0, sort_by: str = "density",
                         top: int | None = None) -> OpportunitiesResult:
    """Rank, for each region, the industries without RCA by density and by attractiveness.

    ``table`` columns: region, industry, density, distance, pci, priority, priority_label,
    attractiveness, lq (the current RCA = location quotient), feasibility_rank, attractiveness_rank.
    ``sort_by`` is "density" or "attractiveness"; ``top`` keeps that many rows per region.
    A priority code matches every industry label that starts with it; codes matching no industry of
    the table are returned in ``unmatched_priorities`` rather than ignored.
    """
    if sort_by not in SORT_KEYS:
        raise InputError(
            message=f"排序方式只能是 density 或 attractiveness，收到 {sort_by}",
            message_en=f"sort_by must be 'density' or 'attractiveness'; got {sort_by!r}.",
            fix="用 --sort density（可行性）或 --sort attractiveness（吸引力）。",
        )
    if top is not None and top < 1:
        raise InputError(message=f"top 必须 ≥ 1，收到 {top}",
                         message_en=f"top must be at least 1; got {top}.",
                         fix="去掉 --top 表示全部列出。")
    regions = result.eci.index
    industries = result.pci.index
    all_weights, all_labels, unmatched = _priority_columns(result.rca.columns, priorities)
    kept = result.rca.columns.get_indexer(industries)
    weights, labels = all_weights[kept], all_labels[kept]
    m = result.presence.loc[regions, industries].to_numpy()
    r_pos, i_pos = np.nonzero(m == 0)
    dens = result.density.loc[regions, industries].to_numpy()[r_pos, i_pos]
    pci = result.pci.to_numpy()[i_pos]
    table = pd.DataFrame({
        "region": regions.to_numpy()[r_pos],
        "industry": industries.to_numpy()[i_pos],
        "density": dens,
        "distance": 1.0 - dens,
        "pci": pci,
        "priority": weights[i_pos],
        "priority_label": labels[i_pos],
        "attractiveness": pci + priority_bonus * weights[i_pos],
        "lq": result.rca.loc[regions, industries].to_numpy()[r_pos, i_pos],
    })
    by_region = table.groupby("region", sort=False)
    table["feasibility_rank"] = by_region["density"].rank(method="min", ascending=False).astype(int)
    table["attractiveness_rank"] = by_region["attractiveness"].rank(method="min",
                                                                    ascending=False).astype(int)
    key = SORT_KEYS[sort_by]
    table = table.sort_values(["region", key, "industry"], kind="stable").reset_index(drop=True)
    if top is not None:
        table = table[table[key] <= top].reset_index(drop=True)
    return OpportunitiesResult(table, unmatched, list(result.excluded_regions),
                               list(result.excluded_industries))


def _priority_columns(industries: pd.Index, priorities: Sequence[Priority]
                      ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    weights = np.zeros(len(industries))
    labels = np.full(len(industries), "", dtype=object)
    names = [str(i) for i in industries]
    unmatched = []
    for p in priorities:
        if not 0.0 <= p.weight <= 1.0:
            raise InputError(
                message=f"优先级权重必须在 0 到 1 之间：{p.code} 为 {p.weight}",
                message_en=f"Priority weights must lie in [0, 1]; {p.code} has {p.weight}.",
                fix="把权重缩放到 0–1（1 = 最高优先）。",
            )
        hits = [k for k, name in enumerate(names) if name.startswith(p.code)]
        if not hits:
            unmatched.append(p.code)
        for k in hits:
            weights[k] = max(weights[k], p.weight)
            label = p.label or p.code
            labels[k] = label if not labels[k] else f"{labels[k]}/{label}"
    return weights, labels, unmatched
