"""Units of measure and their conversion to the store's canonical units.

Canonical units: money 万元, energy 吨标准煤, land 亩 (1 亩 = 666.67 m², 1 公顷 = 15 亩), water 立方米,
carbon 吨 CO2, pollutant 吨 (of the pollutant itself: COD, 氨氮, SO2, NOx). A value read in another unit is multiplied by the factor to the canonical unit.
"""

from __future__ import annotations

from gaodi.errors import InputError, Location

CANONICAL = {"money": "万元", "energy": "吨标准煤", "land": "亩", "water": "立方米", "carbon": "吨",
             "pollutant": "吨"}

FACTORS: dict[str, dict[str, float]] = {
    "money": {"元": 1e-4, "yuan": 1e-4, "千元": 0.1, "万元": 1.0, "10k_yuan": 1.0, "百万元": 100.0,
              "千万元": 1000.0, "亿元": 1e4, "100m_yuan": 1e4, "万亿元": 1e8},
    "energy": {"吨标准煤": 1.0, "吨标煤": 1.0, "tce": 1.0, "万吨标准煤": 1e4, "万吨标煤": 1e4,
               "千克标准煤": 1e-3, "kgce": 1e-3},
    "land": {"亩": 1.0, "mu": 1.0, "公顷": 15.0, "ha": 15.0, "平方米": 1 / 666.666667, "m2": 1 / 666.666667,
             "㎡": 1 / 666.666667, "平方公里": 1500.0, "km2": 1500.0, "万亩": 1e4},
    "water": {"立方米": 1.0, "m3": 1.0, "吨": 1.0, "万立方米": 1e4, "万吨": 1e4},
    "carbon": {"吨": 1.0, "吨co2": 1.0, "tco2": 1.0, "t": 1.0, "万吨": 1e4, "万吨co2": 1e4},
    "pollutant": {"吨": 1.0, "t": 1.0, "千克": 1e-3, "公斤": 1e-3, "kg": 1e-3, "万吨": 1e4},
}


def factor(dimension: str, unit: str, location: Location) -> float:
    """Return the factor that turns ``unit`` into the canonical unit of ``dimension``."""
    key = unit.strip().lower().replace(" ", "").replace("₂", "2")
    table = FACTORS[dimension]
    if key not in table:
        raise InputError(
            f"不认识的单位“{unit}”", f"unknown unit '{unit}' for {dimension}",
            fix=f"可用单位：{'、'.join(u for u in table if not u.isascii())}", location=location)
    return table[key]
