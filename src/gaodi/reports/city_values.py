"""City-by-city values of an indicator definition, for the maps and comparisons of the reports.

The core API monitors one area at a time and computes every indicator of the plan for it; a map needs
one indicator in every city. A definition that is one reduction over its population's rows (its
``expression``: the shares and the profit margin) runs once, grouped by city (the first four digits of
the region code); any other definition is computed city by city through its ``compute``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaodi.catalogs import region_catalog
from gaodi.indicators.definitions import DEFINITIONS, Definition, definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources

# the definitions computed in one grouped query
GROUPED = tuple(d.key for d in DEFINITIONS if d.expression is not None)


@dataclass
class CityValue:
    code: str
    name: str
    value: float | None
    data_period: str
    inputs: list[int] = field(default_factory=list)


def province_cities(province_code: str) -> list[tuple[str, str]]:
    """(code, name) of the province's current cities (地级), in code order."""
    return sorted((r.code, r.name) for r in region_catalog(province_code).current("city"))


def _grouped(src: Sources, d: Definition, period: Period) -> dict[str, float]:
    rows = src.rows(period, Area("province", src.province_code), d.population)
    rows = rows.mutate(city=rows.region_code.substr(0, 4))
    got = src.run(rows.group_by("city").aggregate(v=d.expression(rows, src.scopes)))
    return {f"{r.city}00": float(r.v) for r in got.itertuples() if r.v is not None and r.v == r.v}


def city_values(src: Sources, key: str, period: Period, base_year: int | None = None) -> list[CityValue]:
    """The value of definition ``key`` for ``period`` in every city of the province (None where no data)."""
    d = definition(key)
    cities = province_cities(src.province_code)
    if d.expression is not None:
        values = _grouped(src, d, period)
        inputs = src.period_imports(period)
        return [CityValue(code, name, values.get(code), period.key, inputs if code in values else [])
                for code, name in cities]
    out = []
    for code, name in cities:
        ctx = {"names": [d.name], "base_year": base_year or period.year - 1, "cumulative": False}
        v = d.compute(src, period, Area("city", code, name), ctx)
        out.append(CityValue(code, name, v.value, v.data_period, list(v.inputs)))
    return out
