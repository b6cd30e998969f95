"""Everything a report is written from, read once through the core API and the indicator definitions."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from gaodi.errors import InputError
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sectors import SectorRecord, sector_records
from gaodi.indicators.sources import Sources
from gaodi.monitor.records import Monitor, MonitorRecord
from gaodi.monitor.targets import count_records
from gaodi.plan.model import Plan

KINDS = ("monitor", "midterm", "final")


@dataclass
class ReportData:
    """The plan, the period and area, the monitoring records and the store's import log."""

    kind: str
    plan: Plan
    plan_sha256: str | None
    period: Period
    area: Area
    records: list[MonitorRecord]
    monitor: Monitor
    sources: Sources
    imports: dict[int, dict]
    date: dt.date
    notes: list[str] = field(default_factory=list)
    counts: list[MonitorRecord] = field(default_factory=list)  # the plan's count targets
    sectors: list[SectorRecord] = field(default_factory=list)  # the plan's sector revenue targets


def evaluation_year(plan: Plan, kind: str) -> int:
    """The year a plan is evaluated in: the middle year for ``midterm`` (base + ⌈(target − base)/2⌉,
    2028 for a 2025→2030 plan), the target year for ``final``."""
    if plan.base_year is None or plan.target_year is None:
        raise InputError(f"规划 {plan.id} 缺少基期年份或目标年份，无法确定评估年份",
                         f"plan {plan.id} has no base or target year", fix="在规划中填写 base_year 和 target_year")
    if kind == "final":
        return plan.target_year
    return plan.base_year + math.ceil((plan.target_year - plan.base_year) / 2)


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InputError(f"报告类型“{kind}”不存在", f"unknown report kind {kind}",
                         fix="monitor（监测分析报告）、midterm（中期评估）或 final（总结评估）")


def latest_period(src: Sources, up_to: int) -> Period | None:
    """The latest statistics period at or before the year ``up_to`` (a whole year wins over its months)."""
    keys = [k for k in src._periods if int(k[:4]) <= up_to]
    if not keys:
        return None
    best = max(keys, key=lambda k: (int(k[:4]), 13 if "-" not in k else int(k[5:])))
    return Period.parse(best)


def gather(g, kind: str, period: str | None, plan_id: str | None, area: str | None,
           date: dt.date | None = None) -> ReportData:
    """Read the plan, choose the period and compute the records of ``kind`` from the workspace ``g``."""
    check_kind(kind)
    plan = g.plan(plan_id)
    src = Sources(g.store, g.settings.province_code)
    notes = []
    if period is not None:
        chosen = Period.parse(period)
    elif kind == "monitor":
        chosen = latest_period(src, 9999)
    else:
        year = evaluation_year(plan, kind)
        chosen = Period(year) if src.has_period(Period(year)) else latest_period(src, year)
        if chosen is not None and chosen != Period(year):
            notes.append(f"{year}年全年数据尚未齐备，本评估按最新可得数据（{chosen.label}）进行，"
                         f"{year}年数据齐备后应重新生成。")
    if chosen is None:
        raise InputError("库中还没有统计数据，无法生成报告", "the store holds no statistics to report on",
                         fix="先导入统计数据（gaodi import statistics 文件）或运行 gaodi demo")
    where = g.area(area)
    monitor = Monitor(src, plan)
    records = monitor.records(chosen, where)
    sha = next((p["sha256"] for p in g.plans() if p["plan_id"] == plan.id), None)
    imports = {int(i["import_id"]): i for i in g.imports()}
    return ReportData(kind, plan, sha, chosen, where, records, monitor, src, imports, date or dt.date.today(),
                      notes, count_records(monitor, chosen, where), sector_records(src, plan, chosen, where))
