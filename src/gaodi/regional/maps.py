"""Map-ready values of a regional measure: one value per city or county of the province, none dropped.

A map needs every region of the level, including those the measure cannot speak of. Each region gets
a status: ``ok`` (a value), ``no_activity`` (no above-scale statistics: the measures are undefined
there, shown as "no data", not as 0), ``excluded`` (active, but left out by the method, e.g. a region
with no industry at RCA ≥ 1 has no ECI; the reason is given) or ``outside_scope`` (the caller may not
see it). A location quotient of 0 is a value: the region is active but has none of that industry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from gaodi.errors import InputError
from gaodi.regional.store_analysis import StoreAnalysis

OK, NO_ACTIVITY, EXCLUDED, OUTSIDE = "ok", "no_activity", "excluded", "outside_scope"
STATUS_ZH = {OK: "", NO_ACTIVITY: "无规上企业数据", EXCLUDED: "未参与计算", OUTSIDE: "不在数据范围"}

# key -> (label, English label, unit: None = the measure's own unit, needs an industry)
MAP_MEASURES: dict[str, tuple[str, str, str | None, bool]] = {
    "total": ("合计", "total", None, False),
    "share": ("占全省比重", "share of the province", "%", False),
    "krugman": ("克鲁格曼专业化指数", "Krugman specialisation index", "", False),
    "herfindahl": ("赫芬达尔指数（行业集中度）", "Herfindahl index", "", False),
    "top_lq": ("最高区位熵", "largest location quotient", "", False),
    "lq": ("区位熵", "location quotient", "", True),
    "eci": ("经济复杂度 ECI", "economic complexity index", "", False),
    "diversity": ("多样性（RCA≥1 的行业数）", "diversity (industries with RCA ≥ 1)", "个", False),
    "density": ("密度（进入该行业的可行性）", "density (feasibility of the industry)", "", True),
    "growth": ("增长率", "growth", "%", False),
    "regional_shift": ("竞争效应 RS", "regional shift", None, False),
}


@dataclass
class RegionValue:
    code: str
    name: str
    value: float | None
    status: str
    reason: str = ""
    mapped: bool = True  # False: a code the shipped boundaries do not draw (e.g. a retired county code)


@dataclass
class MapLayer:
    """The values of one measure for every region of a level, with what the map needs to say."""

    measure: str
    label: str
    label_en: str
    unit: str
    level: str
    year: str
    industry: str | None
    industry_name: str | None
    items: list[RegionValue]

    def values(self) -> dict[str, float | None]:
        return {i.code: i.value for i in self.items}

    def as_dict(self) -> dict[str, Any]:
        return {**{k: v for k, v in asdict(self).items() if k != "items"},
                "items": [asdict(i) | {"status_zh": STATUS_ZH[i.status]} for i in self.items]}


def region_values(regions: Sequence[tuple[str, str]], values: Mapping[str, float], active: set[str],
                  excluded: Mapping[str, str] | None = None,
                  visible: Callable[[str], bool] | None = None,
                  names: Mapping[str, str] | None = None) -> list[RegionValue]:
    """One :class:`RegionValue` per region of ``regions`` (code, name), then any active region not listed.

    ``values`` holds the computed values; ``active`` the regions with some activity; ``excluded``
    the reason (Chinese) of each active region a method left out; ``visible`` says whether the caller
    may see a region (default all). A region not active has status ``no_activity`` and no value.
    """
    excluded = excluded or {}
    listed = [(code, name, True) for code, name in regions]
    known = {code for code, _ in regions}
    listed += [(code, (names or {}).get(code, code), False) for code in sorted(active - known)]
    out = []
    for code, name, mapped in listed:
        if visible is not None and not visible(code):
            out.append(RegionValue(code, name, None, OUTSIDE, STATUS_ZH[OUTSIDE], mapped))
        elif code not in active:
            out.append(RegionValue(code, name, None, NO_ACTIVITY, "所选年份没有规上工业企业统计数据", mapped))
        elif code in values and values[code] is not None and np.isfinite(values[code]):
            out.append(RegionValue(code, name, float(values[code]), OK, "", mapped))
        else:
            out.append(RegionValue(code, name, None, EXCLUDED, excluded.get(code, STATUS_ZH[EXCLUDED]), mapped))
    return out


def map_layer(analysis: StoreAnalysis, measure: str, industry: str | None = None,
              cities: set[str] | None = None) -> MapLayer:
    """The layer of ``measure`` (a key of MAP_MEASURES) over every region of the analysis' level.

    ``cities`` limits the regions with values to those cities (and their counties); None shows all.
    """
    if measure not in MAP_MEASURES:
        raise InputError(f"地图指标 {measure} 不存在", f"unknown map measure {measure}",
                         fix="可选：" + "、".join(MAP_MEASURES))
    label, label_en, unit, needs_industry = MAP_MEASURES[measure]
    if needs_industry and not industry:
        raise InputError(f"{label}需要指定行业", f"{measure} needs an industry", fix="加上 industry=行业代码")
    if industry and (len(industry) != analysis.options.digits or not industry.isdigit()):
        raise InputError(f"行业代码 {industry} 与所选行业位数（{analysis.options.digits} 位）不符",
                         f"industry {industry} does not have {analysis.options.digits} digits",
                         fix=f"用 {analysis.options.digits} 位行业代码，或改变 digits")
    values, excluded = _values(analysis, measure, industry)
    matrix = analysis.matrix
    active = set(matrix.index[matrix.to_numpy().sum(axis=1) > 0])
    visible = None if cities is None else (lambda code: code[:4] + "00" in cities)
    items = region_values(analysis.regions_of_level(), values, active, excluded, visible,
                          {c: analysis.region_name(c) for c in active})
    return MapLayer(measure, label, label_en, analysis.options.unit if unit is None else unit,
                    analysis.options.level, analysis.year, industry,
                    analysis.industry_name(industry) if industry else None, items)


def _values(analysis: StoreAnalysis, measure: str, industry: str | None
            ) -> tuple[dict[str, float], dict[str, str]]:
    if measure in ("total", "share", "krugman", "herfindahl", "top_lq"):
        regions = analysis.specialisation.regions
        factor = 100.0 if measure == "share" else 1.0
        return {r: float(v) * factor for r, v in regions[measure].items()}, {}
    if measure == "lq":
        lq = analysis.specialisation.location_quotients
        if industry not in lq.columns:  # no activity anywhere: every active region has LQ 0
            return {r: 0.0 for r in lq.index}, {}
        return {r: float(v) for r, v in lq[industry].items()}, {}
    if measure in ("eci", "diversity", "density"):
        c = analysis.complexity
        reasons = {e.label: e.reason_zh for e in c.excluded_regions}
        if measure == "eci":
            return {r: float(v) for r, v in c.eci.items()}, reasons
        if measure == "diversity":
            return {r: float(v) for r, v in c.diversity.items()}, {}
        if industry not in c.density.columns:
            return {r: 0.0 for r in c.density.index}, {}
        return {r: float(v) for r, v in c.density[industry].items()}, {}
    _, _, result = analysis.shift_share()
    regions = result.regions
    if measure == "regional_shift":
        return {r: float(v) for r, v in regions["regional_shift"].items()}, {}
    growth = {r: 100.0 * float(row.change) / float(row.base) for r, row in regions.iterrows() if row.base > 0}
    return growth, {r: "基期为 0，增长率无定义" for r in regions.index if regions.loc[r, "base"] <= 0}
