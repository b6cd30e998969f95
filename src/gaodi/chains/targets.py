"""精准招商: which segments to attract, and the outside suppliers already selling into them.

Segments are ranked lexicographically, so the reason of every place can be read off the row:
first the gap type (缺链 before 弱链 before 正常), then the leakage out of the province (万元,
larger first), then the number of local buyers of the segment's inputs (more first). Segments
with no leakage are not targets unless they are missing links. Candidate suppliers are the
out-of-province sellers of the segment's inputs to chain enterprises, ranked by their sales into
the chain; their amounts are single-enterprise figures and are never shown, only the rank, the
region and the number of chain buyers each serves.
"""

from __future__ import annotations

import ibis
import pandas as pd

from gaodi.chains.diagnosis import GAP_ORDER


def rank_targets(gaps: pd.DataFrame, hidden_leakage: pd.Series) -> pd.DataFrame:
    """Rank the segments of ``gaps`` (a gap table) to attract; ``hidden_leakage`` orders suppressed rows.

    ``hidden_leakage`` is the leakage before blanking (same index as ``gaps``); it decides the order
    but is not returned.
    """
    g = gaps.assign(_leak=hidden_leakage.fillna(0.0).to_numpy(), _gap=gaps["gap"].map(GAP_ORDER))
    g = g[(g["_leak"] > 0) | (g["gap"] == "missing")]
    g = g.sort_values(["_gap", "_leak", "buyers", "chain_id", "segment_id"],
                      ascending=[True, False, False, True, True])
    g = g.assign(rank=g.groupby("chain_id").cumcount() + 1)
    g["reasons"] = [_reasons(r) for r in g.itertuples()]
    cols = ["chain_id", "rank", "segment_id", "segment_name", "stage", "gap", "gap_label", "leakage",
            "buyers", "local_suppliers", "local_enterprises", "province_rate", "suppressed", "reasons"]
    return g[cols].reset_index(drop=True)


def _reasons(r) -> str:
    parts = [r.gap_label.split(" ")[0]]
    parts.append(f"外流 {r.leakage:,.0f} 万元" if r.leakage is not None and pd.notna(r.leakage)
                 else "外流金额不公布（企业数不足）")
    parts.append(f"本地采购企业 {r.buyers} 家")
    parts.append(f"本地供应商 {r.local_suppliers} 家")
    return "；".join(parts)


def outside_suppliers(flows: ibis.Table, chain_id: str, segment_id: str) -> ibis.Table:
    """Out-of-province sellers of a segment's inputs to the chain, ranked by sales into the chain."""
    f = flows.filter((flows.chain_id == chain_id) & (flows.segment_id == segment_id) & ~flows.local)
    s = f.group_by(["seller_uscc", "seller_region"]).aggregate(
        amount=f.amount.sum(), chain_buyers=f.buyer_uscc.nunique())
    s = s.mutate(rank=ibis.row_number().over(order_by=[ibis.desc(s.amount), s.seller_uscc]) + 1)
    return s.select("rank", "seller_uscc", "seller_region", "chain_buyers")
