"""精准招商: which segments to attract, and the outside suppliers already selling into them.

Segments are ranked by a score of leakage size and relatedness, larger first:

    score = 0.7 × L + 0.3 × R
    L = the segment's leakage out of the province ÷ the largest segment leakage of the chain (0–1)
    R = the segment's local buyers (chain enterprises buying its inputs) ÷ the most of any segment (0–1)

L says how much purchasing a local supplier could win back; R how many local chain enterprises
would buy from it (the relatedness of the segment to the chain as it stands). The gap type (缺链,
弱链) is shown as a reason but does not lead the order: a missing link leaking 722 万元 no longer
outranks a weak link leaking 115 871 万元. Ties fall to the gap type, then the segment id.
Segments with no leakage are not targets unless they are missing links. Candidate suppliers are the
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
    g = g[(g["_leak"] > 0) | (g["gap"] == "missing")].copy()
    top_leak = g.groupby("chain_id")["_leak"].transform("max")
    top_buyers = g.groupby("chain_id")["buyers"].transform("max")
    leak_part = (g["_leak"] / top_leak.where(top_leak > 0)).fillna(0.0)
    buyer_part = (g["buyers"].astype(float) / top_buyers.where(top_buyers > 0)).fillna(0.0)
    g["score"] = (0.7 * leak_part + 0.3 * buyer_part).round(4)
    g = g.sort_values(["chain_id", "score", "_gap", "segment_id"], ascending=[True, False, True, True])
    g = g.assign(rank=g.groupby("chain_id").cumcount() + 1)
    # a score would let a suppressed leakage be worked back from the chain's largest: blank it there
    g["score"] = g["score"].where(g["leakage"].notna())
    g["reasons"] = [_reasons(r) for r in g.itertuples()]
    cols = ["chain_id", "rank", "score", "segment_id", "segment_name", "stage", "gap", "gap_label", "leakage",
            "buyers", "local_suppliers", "local_enterprises", "province_rate", "suppressed", "reasons"]
    return g[cols].reset_index(drop=True)


def _reasons(r) -> str:
    parts = [f"招商得分 {r.score:.2f}" if pd.notna(r.score) else "招商得分不公布（企业数不足）",
             r.gap_label.split(" ")[0]]
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
