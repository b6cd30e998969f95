"""Strong-cluster flags: where a region is both unusually specialised and of real size in an industry.

The rule follows the U.S. Cluster Mapping Project (Harvard Business School; Delgado, Porter & Stern
2016, "Defining clusters of related industries", *Journal of Economic Geography* 16(1)), whose
"strong clusters" are the region-cluster pairs in the top quartile of specialisation among all
regions, with a minimum size. Here, for each industry i and among the regions with x_ri > 0:

    strong_ri  ⇔  LQ_ri ≥ Q_{lq_quantile}(LQ_·i)   and  LQ_ri ≥ min_lq
                 and x_ri > Q_{size_quantile}(x_·i)

Q_q is the q-quantile over those regions (linear interpolation between order statistics, numpy's
default). Defaults: lq_quantile = 0.75, min_lq = 1, size_quantile = 0.25. Regions without the
industry are left out of the quantiles, otherwise the many zeros of a county table would drag the
thresholds towards 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gaodi.errors import InputError
from gaodi.regional.specialisation import location_quotients


def strong_clusters(matrix: pd.DataFrame, *, lq_quantile: float = 0.75, min_lq: float = 1.0,
                    size_quantile: float = 0.25) -> pd.DataFrame:
    """Flag strong clusters by the rule in the module docstring; one row per pair with x_ri > 0.

    Columns: region, industry, value, lq, lq_threshold (the industry's lq_quantile, floored at
    min_lq), size_threshold, strong (bool) and reason (which test failed, or "strong").
    Sorted with strong pairs first, then by descending LQ.
    """
    for name, q in (("lq_quantile", lq_quantile), ("size_quantile", size_quantile)):
        if not 0.0 <= q <= 1.0:
            raise InputError(
                message=f"{name} 必须在 0 到 1 之间，收到 {q}",
                message_en=f"{name} must lie between 0 and 1; got {q}.",
                fix="用 0.75 表示前四分之一、0.25 表示后四分之一。",
            )
    lq = location_quotients(matrix)
    values = matrix.loc[lq.index, lq.columns]
    long = pd.DataFrame({
        "region": np.repeat(lq.index.to_numpy(), lq.shape[1]),
        "industry": np.tile(lq.columns.to_numpy(), lq.shape[0]),
        "value": values.to_numpy().ravel(),
        "lq": lq.to_numpy().ravel(),
    })
    long = long[long["value"] > 0].reset_index(drop=True)
    by_industry = long.groupby("industry", sort=False)
    long["lq_threshold"] = np.maximum(by_industry["lq"].transform(lambda s: s.quantile(lq_quantile)),
                                      min_lq)
    long["size_threshold"] = by_industry["value"].transform(lambda s: s.quantile(size_quantile))
    specialised = long["lq"] >= long["lq_threshold"]
    sizeable = long["value"] > long["size_threshold"]
    long["strong"] = specialised & sizeable
    long["reason"] = np.select(
        [long["strong"], ~specialised & ~sizeable, ~specialised],
        ["strong", "lq_and_size_below_threshold", "lq_below_threshold"],
        default="size_below_threshold",
    )
    return long.sort_values(["strong", "lq"], ascending=[False, False], kind="stable") \
        .reset_index(drop=True)
