"""The plan table's base-year figures, recomputed from the store through the indicator definitions.

Used by ``gaodi demo`` to print its summary and by the calibration tests: each figure names the
plan indicator it reproduces and is computed by that indicator's one definition
(:mod:`gaodi.indicators.definitions`), as the monitor computes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.indicators.definitions import definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.store import Store

# key, and the year offset of the figure (the plan gives the strategic-emerging share for 2024)
FIGURES = (("revenue_1000yi", 0), ("revenue_100yi", 0), ("little_giant", 0), ("single_champion", 0),
           ("smart_excellent_plus", 0), ("new_above_scale", 0), ("national_clusters", 0), ("sme_clusters", 0),
           ("profit_margin", 0), ("advanced_share", 0), ("park_share", 0), ("sei_share", -1),
           ("hightech_share", 0), ("digital_tools", 0), ("mfg_va_growth", 0))


@dataclass
class Figure:
    key: str
    name: str
    value: float | None
    unit: str
    year: int
    definition: str


def base_figures(store: Store, year: int = 2025, province_code: str = "430000") -> list[Figure]:
    """The province's figures of ``year`` by definition (the strategic-emerging share for ``year``−1,
    keyed ``sei_share_2024`` as the plan's footnote gives it; 新增规上 of that year alone)."""
    src = Sources(store, province_code)
    area = Area("province", province_code)
    out = []
    for key, offset in FIGURES:
        d = definition(key)
        y = year + offset
        got = d.compute(src, Period(y), area, {"names": [d.name], "base_year": y - 1, "cumulative": False})
        shown = f"{key}_{y}" if offset else key
        out.append(Figure(shown, d.name, got.value, d.unit, y, d.formula + (f"（{got.note}）" if got.note else "")))
    return out
