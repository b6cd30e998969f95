"""Shift-share decomposition of growth between a base year and a final year.

Classic form (Dunn 1960, "A statistical and analytical technique for regional analysis", *Papers
and Proceedings of the Regional Science Association* 6: 97–112). With E⁰ and E¹ the base and final
quantities, g = E¹/E⁰ − 1 the growth of the whole table (the province), g_i = E¹_i/E⁰_i − 1 the
provincial growth of industry i and g_ri = E¹_ri/E⁰_ri − 1 that of the region-industry cell:

    ΔE_ri = E¹_ri − E⁰_ri = NS_ri + IM_ri + RS_ri
    NS_ri = E⁰_ri · g                  national (here: provincial) share
    IM_ri = E⁰_ri · (g_i − g)          industry mix
    RS_ri = E¹_ri − E⁰_ri · (1 + g_i)  regional (competitive) shift = E⁰_ri · (g_ri − g_i)

RS is written without g_ri so that a cell that starts from zero keeps its whole growth as regional
shift. Esteban-Marquillas (1972, *Regional and Urban Economics* 2(3): 249–255) splits RS further with
the homothetic base E*_ri = E⁰_r · E⁰_i / E⁰ (the base the region would have with the provincial mix):

    RS_ri = CE_ri + AE_ri,  CE_ri = E*_ri · (g_ri − g_i)  (net competitive)
                            AE_ri = (E⁰_ri − E*_ri) · (g_ri − g_i)  (allocation)

Both are reported, and CE + AE = RS in every cell: where E⁰_ri = 0, g_ri is undefined, so AE = 0
and CE = RS.
An industry absent from the whole base year has no g_i: it is given g_i = g (no mix effect), so
its final value counts as regional shift, and it is listed in ``new_industries``.
Units: those of the input values (nominal unless the caller deflated them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gaodi.errors import InputError


@dataclass
class ShiftShareResult:
    """Cells (one row per region × industry) and their sums by region, with the growth rates used."""

    cells: pd.DataFrame
    regions: pd.DataFrame
    provincial_growth: float
    industry_growth: pd.Series
    new_industries: list[str]


def shift_share(base: pd.DataFrame, final: pd.DataFrame) -> ShiftShareResult:
    """Decompose E¹ − E⁰ of every region and industry into NS + IM + RS (see module docstring).

    ``base`` and ``final`` are region × industry matrices; they are aligned on the union of their
    labels, with 0 where a region or industry is missing in one year. ``cells`` holds region,
    industry, base, final, change, national_share, industry_mix, regional_shift, homothetic_base,
    competitive_effect, allocation_effect; ``regions`` the same summed by region.
    """
    regions = base.index.union(final.index, sort=True)
    industries = base.columns.union(final.columns, sort=True)
    e0 = base.reindex(index=regions, columns=industries, fill_value=0.0).to_numpy(dtype=float)
    e1 = final.reindex(index=regions, columns=industries, fill_value=0.0).to_numpy(dtype=float)
    total0 = e0.sum()
    if total0 <= 0:
        raise InputError(
            message="基期合计为 0，无法计算增长率",
            message_en="The base year totals zero; growth rates are undefined.",
            fix="换一个有数据的基期（--base-year）。",
        )
    g = e1.sum() / total0 - 1.0
    industry0, industry1 = e0.sum(axis=0), e1.sum(axis=0)
    new = industry0 == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        g_i = np.where(new, g, industry1 / np.where(new, 1.0, industry0) - 1.0)
        g_ri = np.where(e0 > 0, e1 / np.where(e0 > 0, e0, 1.0) - 1.0, 0.0)
    national = e0 * g
    mix = e0 * (g_i - g)
    regional = e1 - e0 * (1.0 + g_i)
    homothetic = e0.sum(axis=1, keepdims=True) * industry0 / total0
    differential = np.where(e0 > 0, g_ri - g_i, 0.0)
    # A cell with E⁰_ri = 0 has no g_ri: its whole RS stays in the competitive effect.
    competitive = np.where(e0 > 0, homothetic * differential, regional)
    # AE = (E⁰ − E*)(g_ri − g_i), written as RS − CE so that CE + AE = RS holds to the last bit.
    allocation = regional - competitive

    n_r, n_i = e0.shape
    cells = pd.DataFrame({
        "region": np.repeat(regions.to_numpy(), n_i),
        "industry": np.tile(industries.to_numpy(), n_r),
        "base": e0.ravel(),
        "final": e1.ravel(),
        "change": (e1 - e0).ravel(),
        "national_share": national.ravel(),
        "industry_mix": mix.ravel(),
        "regional_shift": regional.ravel(),
        "homothetic_base": homothetic.ravel(),
        "competitive_effect": competitive.ravel(),
        "allocation_effect": allocation.ravel(),
    })
    cells = cells[(cells["base"] != 0) | (cells["final"] != 0)].reset_index(drop=True)
    numeric = ["base", "final", "change", "national_share", "industry_mix", "regional_shift",
               "competitive_effect", "allocation_effect"]
    by_region = cells.groupby("region", sort=True)[numeric].sum()
    return ShiftShareResult(
        cells=cells,
        regions=by_region,
        provincial_growth=float(g),
        industry_growth=pd.Series(g_i, index=industries, name="industry_growth"),
        new_industries=[str(i) for i in industries[new]],
    )
