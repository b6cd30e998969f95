"""Chain warnings (产业链): dependence on one outside supplier, supplier concentration, leakage rising.

Over the chain-input purchases of a year, per input segment (:mod:`gaodi.chains.diagnosis` computes them):
- one outside supplier: the number of chain enterprises that bought ≥ 90 % of the segment's inputs from a
  single supplier outside the province is at least the threshold;
- concentration: HHI = Σ sᵢ² of the segment's suppliers' shares is at least the threshold (suppressed
  segments have no figure and raise nothing);
- leakage rising: per chain, the share of purchases bought outside the province, L = leakage ÷ purchases,
  over the latest N months against the N months before; a warning when L(now) − L(before) ≥ threshold.
"""

from __future__ import annotations

import math

import pandas as pd

from gaodi.chains.suppression import ALL


def segment_findings(gaps: pd.DataFrame, measure: str, threshold: float) -> list[dict]:
    """Segments whose single-outside-source buyers or HHI reach the threshold."""
    found = []
    for r in gaps.sort_values(["chain_id", "segment_id"]).itertuples():
        if measure == "single_outside_supplier":
            n = int(r.single_source_outside or 0)
            if n >= threshold and n > 0:
                found.append({"chain_id": r.chain_id, "segment_id": r.segment_id, "segment_name": r.segment_name,
                              "evidence": [{"label": "向单一省外供应商采购≥90%的企业数", "value": n, "unit": "家"}]})
        else:
            hhi = r.hhi
            if hhi is None or (isinstance(hhi, float) and math.isnan(hhi)) or hhi < threshold - 1e-12:
                continue
            found.append({"chain_id": r.chain_id, "segment_id": r.segment_id, "segment_name": r.segment_name,
                          "evidence": [{"label": "供应商集中度 HHI", "value": round(float(hhi), 4), "unit": "",
                                        "note": f"阈值 {threshold:g}"}]})
    return found


def leakage_rise(monthly: pd.DataFrame, threshold: float, n: int) -> list[dict]:
    """Chains whose outside share of purchases rose by at least ``threshold`` over the last n months."""
    rows = monthly[monthly.segment_id == ALL] if "segment_id" in monthly else monthly
    found = []
    for chain_id, t in rows.groupby("chain_id"):
        t = t.dropna(subset=["purchases", "leakage"]).sort_values("month")
        if len(t) < 2 * n:
            continue
        now, before = t.iloc[-n:], t.iloc[-2 * n:-n]
        if before.purchases.sum() <= 0 or now.purchases.sum() <= 0:
            continue
        share_now = now.leakage.sum() / now.purchases.sum()
        share_before = before.leakage.sum() / before.purchases.sum()
        if share_now - share_before >= threshold - 1e-12:
            span = lambda f: f"{f.month.iloc[0]}~{f.month.iloc[-1]}"  # noqa: E731
            found.append({"chain_id": chain_id, "evidence": [
                {"label": "省外采购占比", "period": span(before), "value": round(float(share_before), 4),
                 "unit": "比例"},
                {"label": "省外采购占比", "period": span(now), "value": round(float(share_now), 4), "unit": "比例",
                 "change": round(float(share_now - share_before), 4)}]})
    return found
