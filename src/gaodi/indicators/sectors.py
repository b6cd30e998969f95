"""The plan's sector revenue targets, monitored from enterprise data through a sector → class mapping.

Value: Σ 营业收入 of above-scale enterprises whose 4-digit class starts with one of the sector's
prefixes (``sectors.yaml``, a working definition a province replaces with its own), in 亿元, for the
latest complete year at or before the period. Required growth to the target year:
r = (T ÷ V)^(1/(Y − y)) − 1. Status: 达标 when V ≥ T; 正常 when the last year's growth reaches r;
预警 within 1 point below r; 滞后 otherwise; 待评估 without data (e.g. software, not industrial).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import ibis
import yaml

from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.monitor.progress import RATE_WARNING_BAND, STATUS_EN, STATUS_ZH
from gaodi.plan.model import MONEY_UNITS, Plan

TO_YI = 1e-4  # 万元 → 亿元


@cache
def sector_map() -> tuple[str, dict[str, tuple[str, ...]]]:
    data = yaml.safe_load((resources.files("gaodi.indicators") / "sectors.yaml").read_text(encoding="utf-8"))
    return str(data["version"]), {k: tuple(v) for k, v in data["sectors"].items()}


@dataclass
class SectorRecord:
    sector: str
    scope: str | None
    data_year: int | None
    value: float | None  # 亿元
    previous: float | None
    growth: float | None  # %
    target: float
    target_year: int
    required_growth: float | None  # %/年
    status: str
    status_zh: str
    reason: str
    prefixes: list[str] = field(default_factory=list)
    mapping_version: str = ""
    inputs: list[int] = field(default_factory=list)
    status_en: str = ""


def sector_revenue(src: Sources, prefixes: tuple[str, ...], year: int, area: Area) -> float | None:
    rows = src.rows(Period(year), area, "industrial")
    hit = ibis.or_(*[rows.industry_code.startswith(p) for p in prefixes])
    got = src.run(rows.filter(hit).revenue.sum())
    return None if got is None or got != got or not src.has_period(Period(year)) else float(got) * TO_YI


def sector_records(src: Sources, plan: Plan, period: Period, area: Area) -> list[SectorRecord]:
    version, mapping = sector_map()
    year = period.year if period.month is None else period.year - 1
    out = []
    for t in plan.sector_targets:
        prefixes = mapping.get(t.sector)
        target = (t.value if t.op != "range" else t.low) * MONEY_UNITS[t.unit]
        value = prev = growth = req = None
        if prefixes and src.has_period(Period(year)):
            value = sector_revenue(src, prefixes, year, area)
            prev = sector_revenue(src, prefixes, year - 1, area) if src.has_period(Period(year - 1)) else None
            growth = 100 * (value / prev - 1) if value and prev else None
            if value and t.year > year:
                req = 100 * ((target / value) ** (1 / (t.year - year)) - 1)
        if not value:
            code, reason = "pending", "没有该产业的企业数据" if prefixes else "该产业没有行业对应关系（sectors.yaml）"
        elif value >= target:
            code, reason = "achieved", f"{year}年营收 {value:,.0f} 亿元，已达到目标"
        elif req is not None and growth is not None and growth >= req:
            code, reason = "on_track", f"上年增长 {growth:.1f}%，不低于所需年均增速 {req:.1f}%"
        elif req is not None and growth is not None and growth >= req - RATE_WARNING_BAND:
            code, reason = "at_risk", f"上年增长 {growth:.1f}%，略低于所需年均增速 {req:.1f}%"
        else:
            code, reason = "behind", (f"所需年均增速 {req:.1f}%" if req is not None else "已到目标年") + \
                (f"，上年增长 {growth:.1f}%" if growth is not None else "")
        out.append(SectorRecord(t.sector, t.scope, year if value else None, value, prev, growth, target,
                                t.year, req, code, STATUS_ZH[code], reason, list(prefixes or ()), version,
                                src.period_imports(Period(year), Period(year - 1)) if value else [],
                                STATUS_EN[code]))
    return out
