"""Key projects (重点项目) tied to chain segments, and the rate a chain would reach with them.

What-if rule: a project's expected annual output (万元) is prorated to the period (× months / 12)
and replaces the segment's leakage up to the leakage itself:

    replaced   = min(expected_output × months / 12, leakage of the segment)
    rate_after = (local_amount + replaced) / purchases          (chain and segment)

Several projects of one segment share its leakage (their outputs are added before the minimum).
When the segment's row is suppressed, the rates after are suppressed too, since with the chain's
figures they would give the segment's leakage back.
"""

from __future__ import annotations

import pandas as pd

from gaodi.chains.suppression import ALL
from gaodi.terms import TERMS

STAGE_LABELS = {stage: TERMS["stage"][stage][0] for stage in ("signed", "started", "production")}
PROJECT_COLUMNS = ["project_id", "name", "chain_id", "segment_id", "uscc", "region_code", "park_id",
                   "stage", "investment", "expected_output", "signed_date", "start_date",
                   "production_date"]


def what_if(projects: pd.DataFrame, rates: pd.DataFrame, months: int) -> pd.DataFrame:
    """Per project: segment and chain rates now and after its output replaces the segment leakage.

    ``rates`` is the unblanked by-segment rate table (with ``suppressed``); the chain rate of all the
    listed projects of a chain together is the row with ``project_id = '*'``.
    """
    seg = rates[rates.segment_id != ALL].set_index(["chain_id", "segment_id"])
    chain = rates[rates.segment_id == ALL].set_index("chain_id")
    rows = []
    p = projects.assign(output=projects["expected_output"].fillna(0.0) * months / 12.0)
    for r in p.itertuples():
        rows.append(_effect(r.project_id, r.chain_id, {r.segment_id: r.output}, seg, chain))
    for chain_id, part in p.groupby("chain_id"):
        rows.append(_effect(ALL, chain_id, part.groupby("segment_id")["output"].sum().to_dict(),
                            seg, chain))
    return pd.DataFrame(rows, columns=["project_id", "chain_id", "segment_id", "output_in_period",
                                       "replaced", "segment_rate", "segment_rate_after",
                                       "chain_rate", "chain_rate_after", "suppressed"])


def _effect(project_id, chain_id, outputs: dict, seg: pd.DataFrame, chain: pd.DataFrame) -> dict:
    row = {"project_id": project_id, "chain_id": chain_id,
           "segment_id": next(iter(outputs)) if len(outputs) == 1 else ALL,
           "output_in_period": sum(outputs.values())}
    if chain_id not in chain.index:
        return {**row, "suppressed": "no_purchases"}
    c = chain.loc[chain_id]
    replaced, hidden, seg_rates = 0.0, c["suppressed"] is not None, (None, None)
    for segment_id, output in outputs.items():
        if (chain_id, segment_id) not in seg.index:
            continue  # no purchases of this segment's inputs: nothing to replace
        s = seg.loc[(chain_id, segment_id)]
        hidden = hidden or s["suppressed"] is not None
        took = min(output, s["leakage"])
        replaced += took
        if len(outputs) == 1:
            seg_rates = (s["province_rate"], (s["local_amount"] + took) / s["purchases"])
    if hidden:
        return {**row, "suppressed": "secondary"}
    return {**row, "replaced": replaced, "segment_rate": seg_rates[0], "segment_rate_after": seg_rates[1],
            "chain_rate": c["province_rate"],
            "chain_rate_after": (c["local_amount"] + replaced) / c["purchases"], "suppressed": None}
