"""Diagnosis of a chain: missing and weak links, concentration, single sources, leakage, master pull.

Per input segment of a chain, over the chain-input purchases of a period (amounts in 万元):

- 缺链 missing link: chain enterprises bought the segment's inputs and no local supplier sold them
  (local suppliers = 0), or no local enterprise is placed in the segment at all;
- 无链内采购 none: local enterprises are placed in the segment but no chain enterprise bought its
  inputs in the period (typically the final-product segment);
- 弱链 weak link: local rate < ``weak_rate`` (default 30 %, the level the seed document 刘望《核心提示》
  names for most national clusters), or at most two local suppliers, or the two largest local
  suppliers hold ≥ ``weak_top2_share`` (default 80 %) of local supply;
- HHI = Σ sᵢ² over all the segment's suppliers, sᵢ = supplier i's share of the segment's purchases
  (0 … 1; 1 = one supplier; the U.S. DoJ/FTC Horizontal Merger Guidelines (2010) §5.3 read
  > 0.25 as highly concentrated);
- single-source buyer: a buyer that bought ≥ ``single_source_share`` (default 90 %) of its purchases
  of the segment from one supplier.

Figures of a segment follow the suppression status of its row in the by-segment rate table.
"""

from __future__ import annotations

import ibis
import pandas as pd

from gaodi.chains.placement import nullable
from gaodi.chains.rates import blank
from gaodi.chains.suppression import ALL, suppress
from gaodi.terms import TERMS

GAP_ORDER = {"missing": 0, "weak": 1, "ok": 2, "none": 3}
GAP_LABELS = {gap: zh for gap, (zh, _) in TERMS["gap"].items()}  # English beside them in gaodi.terms


def segment_structure(flows: ibis.Table, single_source_share: float) -> ibis.Table:
    """Per (chain, segment): HHI, top-2 local share, single-source buyers (all and outside)."""
    by_seller = flows.group_by(["chain_id", "segment_id", "seller_uscc", "local"]).aggregate(
        amount=flows.amount.sum())
    seg_total = by_seller.group_by(["chain_id", "segment_id"]).aggregate(total=by_seller.amount.sum())
    s = by_seller.join(seg_total, ["chain_id", "segment_id"])
    hhi = s.group_by(["chain_id", "segment_id"]).aggregate(
        hhi=((s.amount / s.total) ** 2).sum())
    loc = by_seller.filter(by_seller.local)
    loc = loc.mutate(rank=ibis.row_number().over(
        group_by=[loc.chain_id, loc.segment_id], order_by=[ibis.desc(loc.amount), loc.seller_uscc]))
    top2 = loc.group_by(["chain_id", "segment_id"]).aggregate(
        local_total=loc.amount.sum(), top2=loc.amount.sum(where=loc.rank < 2))
    top2 = top2.select("chain_id", "segment_id", top2_share=top2.top2 / top2.local_total)
    pair = flows.group_by(["chain_id", "segment_id", "buyer_uscc", "seller_uscc", "local"]).aggregate(
        amount=flows.amount.sum())
    buyer_total = pair.group_by(["chain_id", "segment_id", "buyer_uscc"]).aggregate(
        btotal=pair.amount.sum())
    p = pair.join(buyer_total, ["chain_id", "segment_id", "buyer_uscc"])
    single = p.filter(p.amount >= single_source_share * p.btotal)
    singles = single.group_by(["chain_id", "segment_id"]).aggregate(
        single_source_buyers=single.buyer_uscc.nunique(),
        single_source_outside=single.buyer_uscc.nunique(where=~single.local))
    out = hhi.left_join(top2, ["chain_id", "segment_id"]).left_join(singles, ["chain_id", "segment_id"])
    return out.select("chain_id", "segment_id", "hhi", "top2_share", "single_source_buyers",
                      "single_source_outside")


def classify_gap(purchases: float, local_enterprises: int, local_suppliers: int,
                 rate: float | None, top2_share: float | None, weak_rate: float,
                 weak_top2_share: float) -> str:
    """missing / weak / ok / none by the rules of the module docstring."""
    if local_enterprises == 0 or (purchases > 0 and local_suppliers == 0):
        return "missing"
    if purchases <= 0:
        return "none"
    if local_suppliers <= 2 or (rate is not None and rate < weak_rate) or (
            top2_share is not None and top2_share >= weak_top2_share):
        return "weak"
    return "ok"


def gap_table(rates: pd.DataFrame, structure: pd.DataFrame, segments: pd.DataFrame,
              placed_counts: pd.DataFrame, options) -> pd.DataFrame:
    """One row per segment of each chain: rates, structure, local enterprises placed, gap type.

    ``rates`` is the *unblanked* by-segment rate table with its ``suppressed`` column; figures are
    blanked here after the gap type is decided, so a suppressed segment still gets its type.
    """
    seg = segments[["chain_id", "segment_id", "name", "stage", "stage_order"]].rename(
        columns={"name": "segment_name"})
    cells = rates[rates.segment_id != ALL]
    out = seg.merge(cells, on=["chain_id", "segment_id"], how="left")
    out = out.merge(structure, on=["chain_id", "segment_id"], how="left")
    out = out.merge(placed_counts, on=["chain_id", "segment_id"], how="left")
    for c in ("buyers", "suppliers", "local_suppliers", "single_source_buyers",
              "single_source_outside", "local_enterprises"):
        out[c] = out[c].fillna(0).astype(int)
    out["purchases"] = out["purchases"].fillna(0.0)
    out["gap"] = [classify_gap(r.purchases, r.local_enterprises, r.local_suppliers,
                               r.province_rate if pd.notna(r.province_rate) else None,
                               r.top2_share if pd.notna(r.top2_share) else None,
                               options.weak_rate, options.weak_top2_share)
                  for r in out.itertuples()]
    out["gap_label"] = out["gap"].map(GAP_LABELS)
    out["suppressed"] = out["suppressed"].where(out["suppressed"].notna(), None)
    return blank(out, ("purchases", "local_amount", "city_amount", "leakage", "province_rate",
                       "city_rate", "hhi", "top2_share"))


def region_leakage(flows: ibis.Table, regions: ibis.Table) -> ibis.Table:
    """Out-of-province purchases by chain and supplier province, with distinct sellers and buyers."""
    out = flows.filter(~flows.local)
    out = out.mutate(supplier_province=out.seller_region.substr(0, 2) + "0000")
    cells = out.group_by(["chain_id", "supplier_province"]).aggregate(
        leakage=out.amount.sum(), sellers=out.seller_uscc.nunique(), buyers=out.buyer_uscc.nunique())
    total = out.group_by("chain_id").aggregate(
        leakage=out.amount.sum(), sellers=out.seller_uscc.nunique(), buyers=out.buyer_uscc.nunique())
    total = total.mutate(supplier_province=ibis.literal(ALL))
    cols = ("chain_id", "supplier_province", "leakage", "sellers", "buyers")
    both = ibis.union(nullable(cells.select(*cols)), nullable(total.select(*cols)))
    names = regions.select(supplier_province=regions.code, province_name=regions.name)
    return both.left_join(names, "supplier_province").drop("supplier_province_right")


def protect_regions(table: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """Suppress supplier-province cells with fewer than ``min_count`` sellers or buyers, secondary rule."""
    out = table.copy()
    out["enterprises"] = out[["sellers", "buyers"]].min(axis=1)
    out = out.sort_values(["chain_id", "supplier_province"]).reset_index(drop=True)
    status = pd.Series([None] * len(out), dtype=object)
    for _, idx in out.groupby("chain_id").groups.items():
        status.loc[idx] = suppress(out.loc[idx], ["supplier_province"], "enterprises", "leakage",
                                   min_count).to_numpy()
    out["suppressed"] = status
    return blank(out.drop(columns="enterprises"), ("leakage", "share"))


def master_pull(flows: ibis.Table, placements: ibis.Table) -> ibis.Table:
    """Per chain master: chain-input purchases, local purchases, local suppliers, anchored suppliers.

    A local supplier is *anchored* by a master when that master is its largest buyer in the chain.
    """
    masters = placements.filter(placements.role == "master").select(
        "chain_id", buyer_uscc=placements.uscc).distinct()
    mf = flows.join(masters, ["chain_id", "buyer_uscc"])
    own = mf.group_by(["chain_id", "buyer_uscc"]).aggregate(
        purchases=mf.amount.sum(), local_amount=mf.amount.sum(where=mf.local),
        local_suppliers=mf.seller_uscc.nunique(where=mf.local))
    loc = flows.filter(flows.local)
    sb = loc.group_by(["chain_id", "seller_uscc", "buyer_uscc"]).aggregate(amount=loc.amount.sum())
    sb = sb.mutate(rank=ibis.row_number().over(group_by=[sb.chain_id, sb.seller_uscc],
                                               order_by=[ibis.desc(sb.amount), sb.buyer_uscc]))
    top = sb.filter(sb.rank == 0)
    anchored = top.group_by(["chain_id", "buyer_uscc"]).aggregate(anchored_suppliers=top.seller_uscc.count())
    res = masters.left_join(own, ["chain_id", "buyer_uscc"]).left_join(anchored, ["chain_id", "buyer_uscc"])
    return res.select(chain_id=res.chain_id, uscc=res.buyer_uscc, purchases=res.purchases,
                      local_amount=res.local_amount, local_suppliers=res.local_suppliers,
                      anchored_suppliers=res.anchored_suppliers)
