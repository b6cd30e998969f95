"""City-by-city values of an indicator definition, for the maps and comparisons of the reports.

The core API monitors one area at a time and computes every indicator of the plan for it; a map needs
one indicator in every city. For the shares below this runs the definition's own expression
(:mod:`gaodi.indicators.enterprise_figures`, the same population and classes as
:mod:`gaodi.indicators.definitions`) once, grouped by city (the first four digits of the region code);
any other definition is computed city by city through its ``compute``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaodi.catalogs import region_catalog
from gaodi.indicators import enterprise_figures as ef
from gaodi.indicators.definitions import definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources

# key -> (population scope, expression over the rows), as the definitions of the same key compute them.
GROUPED = {
    "hightech_share": ("industrial", lambda rows, s: ef.scope_share(rows, "value_added", s["hightech"])),
    "advanced_share": ("manufacturing", lambda rows, s: ef.scope_share(rows, "value_added", s["advanced"])),
    "sei_share": ("industrial", lambda rows, s: ef.scope_share(rows, "gross_output", s["strategic_emerging"])),
    "park_share": ("industrial", lambda rows, s: ef.park_share(rows, "value_added")),
    "profit_margin": ("industrial", lambda rows, s: ef.profit_margin(rows)),
}


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


def _grouped(src: Sources, key: str, period: Period) -> dict[str, float]:
    scope, expr = GROUPED[key]
    rows = src.rows(period, Area("province", src.province_code), scope)
    rows = rows.mutate(city=rows.region_code.substr(0, 4))
    got = src.run(rows.group_by("city").aggregate(v=expr(rows, src.scopes)))
    return {f"{r.city}00": float(r.v) for r in got.itertuples() if r.v == r.v}


def city_values(src: Sources, key: str, period: Period, base_year: int | None = None) -> list[CityValue]:
    """The value of definition ``key`` for ``period`` in every city of the province (None where no data)."""
    d = definition(key)
    cities = province_cities(src.province_code)
    if key in GROUPED:
        values = _grouped(src, key, period)
        inputs = src.period_imports(period)
        return [CityValue(code, name, values.get(code), period.key, inputs if code in values else [])
                for code, name in cities]
    out = []
    for code, name in cities:
        ctx = {"names": [d.name], "base_year": base_year or period.year - 1, "cumulative": False}
        v = d.compute(src, period, Area("city", code, name), ctx)
        out.append(CityValue(code, name, v.value, v.data_period, list(v.inputs)))
    return out
