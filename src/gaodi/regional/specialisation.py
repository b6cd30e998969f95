"""Specialisation of regions and concentration of industries: LQ, Krugman index, Herfindahl.

Notation (Isard 1960; Krugman 1991, *Geography and Trade*, appendix D): x_ri is the quantity of
industry i in region r, x_r = Σ_i x_ri the region's total, x_i = Σ_r x_ri the industry's total over
all regions of the table (the province when the table covers the province), x = Σ_ri x_ri;
s_ri = x_ri / x_r is the industry's share in the region and s_i = x_i / x its share in the province.

Every function takes the region × industry matrix of :mod:`gaodi.regional.long_table`. An index is
only defined for regions and industries with some activity: all-zero rows and columns are left out
of the results, and :func:`specialisation` says which ones were left out and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from gaodi.errors import InputError
from gaodi.regional.exclusions import Exclusion, active_part


def balassa_ratio(values: np.ndarray) -> np.ndarray:
    """Return (x_ri / x_r) / (x_i / x) for a dense non-negative array; 0 where undefined.

    This is both the location quotient (Isard 1960) and Balassa's (1965) revealed comparative
    advantage: the same ratio, computed from shares so that tiny or huge values neither underflow
    nor overflow. Rows or columns that sum to zero get 0 rather than NaN.
    """
    values = np.asarray(values, dtype=float)
    row = values.sum(axis=1, keepdims=True)
    col_share = values.sum(axis=0, keepdims=True) / values.sum()
    ratio = np.divide(values, row, out=np.zeros_like(values), where=row > 0)
    np.divide(ratio, col_share, out=ratio, where=col_share > 0)
    ratio[:, (col_share == 0).ravel()] = 0.0
    return ratio


def location_quotients(matrix: pd.DataFrame) -> pd.DataFrame:
    """Return the location quotient LQ_ri = (x_ri / x_r) / (x_i / x) of every active pair.

    Dimensionless. LQ > 1: region r is more specialised in industry i than the province as a whole.
    Source: Isard, W. (1960) *Methods of Regional Analysis*, ch. 7; the U.S. BLS and IMPLAN use the
    same formula. All-zero regions and industries are left out.
    """
    active = _active(matrix)
    return pd.DataFrame(balassa_ratio(active.to_numpy()), index=active.index, columns=active.columns)


def krugman_index(matrix: pd.DataFrame) -> pd.Series:
    """Return the Krugman specialisation index K_r = Σ_i |s_ri − s_i| of every active region.

    Dimensionless, 0 ≤ K_r < 2: 0 when the region's industry mix equals the province's, larger when it
    differs. This variant compares each region with the whole table including itself (Krugman 1991,
    appendix D, compares two regions; the "region vs. rest" variant would exclude r from s_i).
    """
    active = _active(matrix)
    values = active.to_numpy()
    regional = values / values.sum(axis=1, keepdims=True)
    provincial = values.sum(axis=0) / values.sum()
    return pd.Series(np.abs(regional - provincial).sum(axis=1), index=active.index, name="krugman")


def herfindahl_by_region(matrix: pd.DataFrame) -> pd.Series:
    """Return H_r = Σ_i s_ri² : how concentrated each region is on few industries.

    Dimensionless, 1/n ≤ H_r ≤ 1 with n the number of industries (1: a single industry).
    Source: Herfindahl (1950), Hirschman (1945); the same index as in competition policy, on shares.
    """
    active = _active(matrix)
    values = active.to_numpy()
    shares = values / values.sum(axis=1, keepdims=True)
    return pd.Series((shares ** 2).sum(axis=1), index=active.index, name="herfindahl")


def herfindahl_by_industry(matrix: pd.DataFrame) -> pd.Series:
    """Return H_i = Σ_r (x_ri / x_i)² : how concentrated each industry is in few regions.

    Dimensionless, 1/m ≤ H_i ≤ 1 with m the number of regions (1: all in one region).
    """
    active = _active(matrix)
    values = active.to_numpy()
    shares = values / values.sum(axis=0, keepdims=True)
    return pd.Series((shares ** 2).sum(axis=0), index=active.columns, name="herfindahl")


@dataclass
class SpecialisationResult:
    """LQs and the three indices, with the regions and industries left out (all-zero)."""

    location_quotients: pd.DataFrame
    regions: pd.DataFrame
    industries: pd.DataFrame
    excluded_regions: list[Exclusion] = field(default_factory=list)
    excluded_industries: list[Exclusion] = field(default_factory=list)


def specialisation(matrix: pd.DataFrame) -> SpecialisationResult:
    """Compute LQ, Krugman and both Herfindahl indices, and report all-zero rows and columns.

    ``regions`` has one row per active region: total, share of the province, krugman, herfindahl,
    the largest-LQ industry (``top_industry``, ``top_lq``). ``industries`` has one row per active
    industry: total, share, herfindahl across regions, and the number of regions with LQ ≥ 1.
    """
    active, excluded_regions, excluded_industries = active_part(_checked(matrix))
    lq = location_quotients(active)
    values = active.to_numpy()
    region_total = values.sum(axis=1)
    industry_total = values.sum(axis=0)
    top = lq.to_numpy().argmax(axis=1)
    regions = pd.DataFrame({
        "total": region_total,
        "share": region_total / values.sum(),
        "krugman": krugman_index(active).to_numpy(),
        "herfindahl": herfindahl_by_region(active).to_numpy(),
        "top_industry": active.columns.to_numpy()[top],
        "top_lq": lq.to_numpy()[np.arange(len(top)), top],
    }, index=active.index)
    industries = pd.DataFrame({
        "total": industry_total,
        "share": industry_total / values.sum(),
        "herfindahl": herfindahl_by_industry(active).to_numpy(),
        "regions_lq_at_least_1": (lq.to_numpy() >= 1).sum(axis=0),
    }, index=active.columns)
    return SpecialisationResult(lq, regions, industries, excluded_regions, excluded_industries)


def _active(matrix: pd.DataFrame) -> pd.DataFrame:
    return active_part(_checked(matrix))[0]


def _checked(matrix: pd.DataFrame) -> pd.DataFrame:
    values = matrix.to_numpy(dtype=float)
    if values.size == 0 or values.sum() == 0:
        raise InputError(
            message="表中没有任何非零数值，无法计算专业化指标",
            message_en="The table holds no non-zero value; specialisation cannot be computed.",
            fix="检查数值列是否选对（--value-column），以及筛选条件是否过严。",
        )
    if np.isnan(values).any() or (values < 0).any():
        raise InputError(
            message="地区×行业矩阵含有空值或负值",
            message_en="The region × industry matrix contains NaN or negative values.",
            fix="用 region_industry_matrix 从长表构造矩阵，它会逐行检查数值。",
        )
    return matrix
