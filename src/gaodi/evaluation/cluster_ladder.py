"""The cluster ladder (世界级 / 国家级 / 省级 / 中小企业特色产业集群) and its monitoring indicators.

For every cluster of the store in a year: its level, the number of member enterprises with figures,
their revenue and value added (万元), revenue growth over the same members (%), R&D intensity
(研发经费 / 营业收入 × 100, %), and how many members hold each title. Pure sums over members; the
store's ``cluster_members`` says who is in a cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gaodi.enterprise_ratios import growth_pct, intensity_pct
from gaodi.evaluation.store_data import TITLE_COLUMNS, subject_frame

LEVELS = ("world", "national", "provincial", "sme_featured")
LEVEL_NAMES = {"world": "世界级", "national": "国家级", "provincial": "省级",
               "sme_featured": "中小企业特色产业集群"}


@dataclass(frozen=True)
class ClusterMonitor:
    """Monitoring indicators of one cluster in one year."""

    cluster_id: str
    name: str
    level: str
    level_name: str
    year: int
    members: int
    above_scale_members: int
    revenue: float
    value_added: float
    revenue_growth: float | None
    rd_intensity: float | None
    titles: dict[str, int]


def cluster_ladder(store, year: int) -> list[ClusterMonitor]:
    """The monitoring table of every cluster, highest level first, then by revenue."""
    frame = subject_frame(store, "clusters", year)
    out = []
    for _, row in frame.iterrows():
        before = float(row["prev_revenue"] or 0)
        revenue = float(row["revenue"] or 0)
        out.append(ClusterMonitor(
            cluster_id=str(row["cluster_id"]),
            name=str(row["name"]),
            level=str(row["level"]),
            level_name=LEVEL_NAMES.get(str(row["level"]), str(row["level"])),
            year=year,
            members=int(row["enterprises"]),
            above_scale_members=int(row["above_scale_count"]),
            revenue=revenue,
            value_added=float(row["value_added"] or 0),
            revenue_growth=_known(growth_pct(revenue, before)),
            rd_intensity=_known(intensity_pct(float(row["rd_expense"] or 0), revenue)),
            titles={title: int(row[column]) for title, column in TITLE_COLUMNS.items()
                    if np.isfinite(float(row[column]))},
        ))
    rank = {level: k for k, level in enumerate(LEVELS)}
    return sorted(out, key=lambda c: (rank.get(c.level, 9), -c.revenue, c.cluster_id))


def _known(value: float) -> float | None:
    return None if np.isnan(value) else float(value)
