"""Why an indicator stands where it does: each city's (county's, park's) part in its value and its change.

The breakdown uses the indicator's one definition (:mod:`gaodi.indicators.definitions`) over each part:

* **Ratios** (shares, 利润率, 普及率): the province's ratio S = Σ w_c·s_c is the weighted mean of the parts'
  ratios s_c with weights w_c = D_c ÷ D (the denominator's share). Its change since the base splits exactly
  into a part from growth inside each area and a part from the mix between areas (shift-share with
  average weights): S₁ − S₀ = Σ w̄_c·(s₁_c − s₀_c) + Σ s̄_c·(w₁_c − w₀_c), w̄ and s̄ the means of base and now.
* **Growth rates**: each area's pull (拉动), p_c = (V₁_c ÷ P − V₀_c) ÷ ΣV₀ × 100 over the same-scope
  enterprises (P the price index ÷ 100), adds up to the province's growth; the change is p_c now − p_c base.
* **Counts**: each area's count, and its change since the base.
* **Intensity reductions** (能耗/碳排放/用水 per value added, same-scope enterprises, value added at
  comparable prices): the province's reduction 100·(1 − I₁ ÷ I₀) with I = X ÷ V splits into the areas'
  parts 100·(x₀_c ÷ V₀ − x₁_c ÷ V₁) ÷ I₀, which add up to it.

Parts add up to the province: any remainder (e.g. clusters without a region) is shown as its own part.
Not broken down: official values entered from releases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import ibis

from gaodi.catalogs import region_catalog
from gaodi.indicators.definitions import Definition, find_definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.plan.model import Indicator

BY = {"city": "市州", "county": "县市区", "park": "园区"}
REMAINDER = "未分地区"


@dataclass
class Part:
    code: str
    name: str
    value: float | None  # the part's own figure (ratio, growth or count) now
    base_value: float | None
    weight: float | None = None  # ratios: the part's share of the denominator now (fraction)
    base_weight: float | None = None
    contribution: float | None = None  # to the province's value now
    change: float | None = None  # to the province's change since the base
    within: float | None = None  # ratios: growth inside the part
    mix: float | None = None  # ratios: shift of weight between parts


@dataclass
class Breakdown:
    number: str
    indicator: str
    key: str | None
    unit: str | None
    period: str
    base_period: str
    by: str
    method: str
    value: float | None
    base_value: float | None
    change: float | None
    parts: list[Part] = field(default_factory=list)
    note: str = ""


def _areas(src: Sources, by: str) -> list[Area]:
    if by == "park":
        parks = src.run(src.table("parks").select("park_id", "name").order_by("park_id"))
        return [Area("park", r.park_id, r.name) for r in parks.itertuples()]
    regions = region_catalog(src.province_code)
    return [Area(by, r.code, r.name) for r in sorted(regions.current(by), key=lambda r: r.code)]


def _group(rows, by: str):
    if by == "city":
        return rows.region_code.substr(0, 4).concat(ibis.literal("00"))
    if by == "county":
        return rows.region_code
    return rows.park_id.fill_null("")


def _ratios(src: Sources, d: Definition, period: Period, area: Area, by: str) -> dict[str, tuple]:
    """{part code: (ratio, weight)} of a ratio definition over the parts of ``area``."""
    rows = src.rows(period, area, d.population)
    rows = rows.mutate(part=_group(rows, by))
    if d.expression is not None:
        got = src.run(rows.group_by("part").aggregate(w=d.weight(rows), v=d.expression(rows, src.scopes)))
        values = {r.part: r.v for r in got.itertuples()}
    else:
        got = src.run(rows.group_by("part").aggregate(w=d.weight(rows)))
        values = {}
        for a in _areas(src, by):
            if a.code in set(got.part):
                values[a.code] = d.compute(src, period, a, {"names": [d.name]}).value
    total = float(got.w.sum()) or None
    return {r.part: (_f(values.get(r.part)), float(r.w) / total if total else None) for r in got.itertuples()}


def _pulls(src: Sources, d: Definition, period: Period, area: Area, by: str) -> dict[str, tuple]:
    """{part code: (growth, pull)} of a growth definition: pull = (V₁ ÷ P − V₀) ÷ ΣV₀ × 100."""
    now = src.rows(period, area, d.population)
    now = now.select("uscc", part=_group(now, by), now=now[d.column])
    before = src.rows(period.previous_year(), area, d.population).select("uscc", before=d.column)
    both = now.inner_join(before, "uscc")
    got = src.run(both.group_by("part").aggregate(now=both.now.sum(), before=both.before.sum()))
    got = got.fillna({"now": 0.0, "before": 0.0})  # an area whose enterprises report none of the column
    price = (src.deflator(period.year) or float("nan")) / 100 if d.deflated else 1.0
    total = float(got.before.sum())
    out = {}
    for r in got.itertuples():
        growth = 100 * (r.now / (r.before * price) - 1) if r.before else None
        out[r.part] = (growth, 100 * (r.now / price - r.before) / total if total else None)
    return out


def _reductions(src: Sources, d: Definition, period: Period, area: Area, by: str) -> dict[str, tuple]:
    """{part code: (the part's own reduction, its part of the province's)} of an intensity reduction:
    part = 100·(x₀ ÷ V₀ − x₁ ÷ V₁) ÷ I₀ over the same-scope enterprises, V₁ at comparable prices."""
    now = src.rows(period, area, d.population)
    now = now.select("uscc", part=_group(now, by), x1=now[d.column], v1=now.value_added)
    before = src.rows(period.previous_year(), area, d.population).select("uscc", x0=d.column, v0="value_added")
    both = now.inner_join(before, "uscc")
    got = src.run(both.group_by("part").aggregate(x1=both.x1.sum(), v1=both.v1.sum(), x0=both.x0.sum(),
                                                  v0=both.v0.sum()))
    price = (src.deflator(period.year, "制造业") or float("nan")) / 100
    got = got.fillna({"x1": 0.0, "x0": 0.0})
    v1, v0, x1, x0 = got.v1.sum() / price, got.v0.sum(), got.x1.sum(), got.x0.sum()
    if not v0 or not x0 or math.isnan(price):
        return {}
    i0 = x0 / v0
    out = {}
    for r in got.itertuples():
        own = 100 * (1 - (r.x1 / (r.v1 / price)) / (r.x0 / r.v0)) if r.x0 and r.v0 and r.v1 else None
        out[r.part] = (own, float(100 * (r.x0 / v0 - r.x1 / v1) / i0))
    return out


def _f(x) -> float | None:
    return None if x is None or math.isnan(x) else float(x)


def breakdown(src: Sources, monitor, ind: Indicator, period: Period, area: Area, by: str = "city") -> Breakdown:
    """Each part's share in the indicator's value and in its change since the base, largest drags first."""
    d = find_definition(ind.name)
    base_year = ind.base_year or monitor.plan.base_year
    now = monitor.value(d, ind, period, area)
    used = Period.parse(now.data_period) if now.data_period else period
    base = monitor.value(d, ind, Period(base_year), area)
    out = Breakdown(ind.number, ind.name, d.key if d else None, ind.unit, used.key, str(base_year), by, "",
                    now.value, base.value, None if now.value is None or base.value is None
                    else now.value - base.value)
    names = {a.code: a.name for a in _areas(src, by)}
    if d is None or d.compute is None or d.kind == "entered":
        out.note = "该指标为官方发布值，无企业数据可分解"
        return out
    if d.key.endswith("intensity_drop"):
        out.method = "各部分对降低率的贡献之和 = 全省降低率；变化 = 本期贡献 − 基期贡献"
        now_p, base_p = _reductions(src, d, used, area, by), _reductions(src, d, Period(base_year), area, by)
        parts = [Part(c, "", _f(now_p.get(c, (None,))[0]), _f(base_p.get(c, (None,))[0]),
                      contribution=now_p.get(c, (None, 0.0))[1],
                      change=now_p.get(c, (None, 0.0))[1] - base_p.get(c, (None, 0.0))[1])
                 for c in sorted(set(now_p) | set(base_p))]
    elif d.weight is not None:
        out.method = "比值 = Σ 权重 × 各部分比值；变化 = 部分内部变化 + 部分之间结构变化（对按数据计算的基期值）"
        parts = _ratio_parts(_ratios(src, d, used, area, by), _ratios(src, d, Period(base_year), area, by))
    elif d.column is not None:
        out.method = "各部分对增速的拉动（百分点）之和 = 全省增速；变化 = 本期拉动 − 基期拉动"
        now_p, base_p = _pulls(src, d, used, area, by), _pulls(src, d, Period(base_year), area, by)
        parts = [Part(c, "", _f(now_p.get(c, (None,))[0]), _f(base_p.get(c, (None,))[0]),
                      contribution=_f(now_p.get(c, (None, 0.0))[1]),
                      change=(now_p.get(c, (None, 0.0))[1] or 0.0) - (base_p.get(c, (None, 0.0))[1] or 0.0))
                 for c in sorted(set(now_p) | set(base_p))]
    else:
        out.method = "各部分数量之和 = 全省数量；变化 = 本期 − 基期"
        parts = []
        ctx = {"names": [d.name], "base_year": base_year, "cumulative": ind.target.cumulative}
        for a in _areas(src, by):
            v1 = d.compute(src, period, a, ctx).value
            v0 = d.compute(src, Period(base_year), a, ctx).value
            if v1 or v0:
                parts.append(Part(a.code, a.name, v1, v0, contribution=v1, change=(v1 or 0) - (v0 or 0)))
    for p in parts:
        p.name = names.get(p.code, p.name or ("不在园区" if by == "park" and p.code == "" else p.code))
    _remainder(out, parts)
    direction = -1 if ind.target.op == "<=" else 1
    out.parts = sorted(parts, key=lambda p: direction * (p.change if p.change is not None else 0.0))
    return out


def _ratio_parts(now: dict, base: dict) -> list[Part]:
    parts = []
    for code in sorted(set(now) | set(base)):
        s1, w1 = now.get(code, (None, 0.0))
        s0, w0 = base.get(code, (None, 0.0))
        w1, w0 = w1 or 0.0, w0 or 0.0
        s1e = s1 if s1 is not None else s0  # a part absent in one period takes the other's ratio
        s0e = s0 if s0 is not None else s1
        if s1e is None:
            continue
        within = (w0 + w1) / 2 * (s1e - s0e)
        mix = (s0e + s1e) / 2 * (w1 - w0)
        parts.append(Part(code, "", s1, s0, w1, w0, w1 * s1e, within + mix, within, mix))
    return parts


def _remainder(out: Breakdown, parts: list[Part]) -> None:
    """Show what the parts do not cover (e.g. clusters without a region) as its own part."""
    if out.value is None or out.change is None:
        return
    value_left = out.value - sum(p.contribution or 0.0 for p in parts)
    change_left = out.change - sum(p.change or 0.0 for p in parts)
    if abs(value_left) > 1e-9 or abs(change_left) > 1e-9:
        name = "不在园区" if out.by == "park" else REMAINDER
        parts.append(Part("", name, None, None, contribution=value_left, change=change_left))
