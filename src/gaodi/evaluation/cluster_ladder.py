"""The cluster ladder (世界级 / 国家级 / 省级 / 中小企业特色产业集群) and its monitoring indicators.

For every cluster of the store in a year: its level, the number of member enterprises with figures,
their revenue and value added (万元), revenue growth over the same members (%), R&D intensity
(研发经费 / 营业收入 × 100, %), and how many members hold each title. Pure sums over members; the
store's ``cluster_members`` says who is in a cluster.

Clusters are managed by their own rule, not by a ranking: a 中小企业特色产业集群 is recognised for
three years and reviewed (复核) when they end (《促进中小企业特色产业集群发展暂行办法》工信部企业
〔2022〕119号; the 2022年度 batch is valid 2023–2025 and was reviewed in 2025, 工信厅企业函〔2025〕77号).
With ``year_recognised`` = the batch year Y: valid Y+1 … Y+3, review due in Y+3, lapsed after
unless a review renewed it (a renewal is imported as a new ``year_recognised``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gaodi.enterprise_ratios import growth_pct, intensity_pct
from gaodi.evaluation.store_data import TITLE_COLUMNS, subject_frame

LEVELS = ("world", "national", "provincial", "sme_featured")
LEVEL_NAMES = {"world": "世界级", "national": "国家级", "provincial": "省级",
               "sme_featured": "中小企业特色产业集群"}
VALIDITY_YEARS = {"sme_featured": 3}
"""Years a recognition lasts, by level (工信部企业〔2022〕119号 for 中小企业特色产业集群); levels not
listed have no validity rule encoded (the documents available here state none)."""
VALIDITY_NAMES = {"valid": "有效期内", "review_due": "期满复核年", "lapsed": "有效期已满（待复核结果）"}


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
    year_recognised: int | None = None
    valid_from: int | None = None
    valid_to: int | None = None
    validity: str | None = None  # valid | review_due | lapsed (VALIDITY_NAMES); None: no rule or year
    validity_name: str = ""


def validity(level: str, year_recognised: int | None, year: int) -> tuple[int | None, int | None,
                                                                        str | None]:
    """(valid from, valid to, status in ``year``) of a recognition under :data:`VALIDITY_YEARS`."""
    span = VALIDITY_YEARS.get(level)
    if span is None or year_recognised is None:
        return None, None, None
    start, end = year_recognised + 1, year_recognised + span
    status = "lapsed" if year > end else "review_due" if year == end else "valid"
    return start, end, status


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
            **_validity(str(row["level"]), row.get("year_recognised"), year),
        ))
    rank = {level: k for k, level in enumerate(LEVELS)}
    return sorted(out, key=lambda c: (rank.get(c.level, 9), -c.revenue, c.cluster_id))


def _validity(level: str, recognised, year: int) -> dict:
    known = recognised is not None and np.isfinite(float(recognised))
    start, end, status = validity(level, int(recognised) if known else None, year)
    return {"year_recognised": int(recognised) if known else None, "valid_from": start,
            "valid_to": end, "validity": status, "validity_name": VALIDITY_NAMES.get(status or "", "")}


def _known(value: float) -> float | None:
    return None if np.isnan(value) else float(value)
