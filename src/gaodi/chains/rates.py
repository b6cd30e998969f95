"""Local supporting rate (本地配套率) by chain, segment, city and month, with every total.

For a set of chain purchase lines *L* (see :mod:`gaodi.chains.purchases`), amounts in 万元:

    本省配套率 (province rate)  = Σ amount of lines whose seller is in the province / Σ amount
    本市配套率 (city rate)      = Σ amount of lines whose seller is in the buyer's city / Σ amount
    本省供应商占比 (count rate) = distinct local sellers / distinct sellers
    外流采购额 (leakage)        = Σ amount − Σ local amount

No official formula is published for 本地配套率; the value-weighted share above is the definition of
gaodi's chain issue (issue 4), and the count rate is published beside it. The seed document
(shared/seeds/000, 刘望《核心提示》) reports 本土配套率 below 30 % for most of Hunan's national clusters.
The table holds every cell and every total over its dimensions (``*`` = all), and its cells with
fewer than ``min_count`` buyers are suppressed with the secondary rule of
:mod:`gaodi.chains.suppression`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import ibis
import numpy as np
import pandas as pd

from gaodi.chains.placement import nullable
from gaodi.chains.suppression import ALL, suppress

DIMENSIONS = {"segment": "segment_id", "city": "buyer_city", "month": "month"}
FIGURES = ("purchases", "local_amount", "city_amount", "leakage", "province_rate", "city_rate",
           "suppliers", "local_suppliers", "city_suppliers", "supplier_rate")


def cube_expr(flows: ibis.Table, by: Sequence[str]) -> ibis.Table:
    """Aggregate purchase lines or flows for every subset of ``by`` (cells and totals), keyed by chain_id.

    One pass, as SQL's GROUPING SETS would do it: each flow is repeated once per subset (a cross
    join with a small table of which dimensions each subset keeps), the dimensions a subset drops
    are set to ``*``, and one aggregation makes every cell and total. Distinct counts of buyers and
    suppliers cannot be added up from cells, so totals are counted, not summed.
    """
    cols = [DIMENSIONS[b] for b in by]
    subsets = [set(keep) for k in range(len(cols) + 1) for keep in combinations(cols, k)]
    levels = ibis.memtable({f"keep_{c}": [c in keep for keep in subsets] for c in cols}
                           | {"subset": list(range(len(subsets)))})
    f = flows.cross_join(levels)
    f = f.mutate(**{c: f[f"keep_{c}"].ifelse(f[c], ibis.literal(ALL)) for c in cols})
    agg = f.group_by(["chain_id", *cols]).aggregate(
        purchases=f.amount.sum(),
        local_amount=f.amount.sum(where=f.local),
        city_amount=f.amount.sum(where=f.same_city),
        buyers=f.buyer.nunique(),
        suppliers=f.seller.nunique(),
        local_suppliers=f.seller.nunique(where=f.local),
        city_suppliers=f.seller.nunique(where=f.same_city))
    return agg.select("chain_id", *cols, "purchases", "local_amount", "city_amount", "buyers", "suppliers",
                      "local_suppliers", "city_suppliers")


def rate_table(cube: pd.DataFrame, by: Sequence[str], min_count: int = 3,
               hide: bool = True) -> pd.DataFrame:
    """Add the rates and the suppression status to an executed cube; blank every suppressed figure.

    Suppression runs per chain (each chain is its own published table); the count is buyers.
    ``hide=False`` keeps the figures (for internal use before a derived table is blanked).
    """
    cols = [DIMENSIONS[b] for b in by]
    out = cube.copy()
    for c in ("local_amount", "city_amount"):
        out[c] = out[c].fillna(0.0)
    for c in ("buyers", "suppliers", "local_suppliers", "city_suppliers"):
        out[c] = out[c].fillna(0).astype(int)
    out["leakage"] = out["purchases"] - out["local_amount"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["province_rate"] = out["local_amount"] / out["purchases"]
        out["city_rate"] = out["city_amount"] / out["purchases"]
        out["supplier_rate"] = out["local_suppliers"] / out["suppliers"]
    out = out.sort_values(["chain_id", *cols]).reset_index(drop=True)
    status = pd.Series([None] * len(out), dtype=object)
    for _, idx in out.groupby("chain_id").groups.items():
        part = out.loc[idx]
        status.loc[idx] = suppress(part, cols, "buyers", "purchases", min_count).to_numpy()
    out["suppressed"] = status
    return blank(out, FIGURES) if hide else out


def blank(table: pd.DataFrame, figures: Sequence[str]) -> pd.DataFrame:
    """Replace every figure of a suppressed row by None (shown as 'suppressed', never as 0)."""
    out = table.copy()
    hidden = out["suppressed"].notna()
    for c in figures:
        if c in out:
            out[c] = out[c].astype(object).where(~hidden, None)
    return out
