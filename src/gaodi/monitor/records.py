"""Monitor a plan: one record per indicator with value, target, progress, forecast and status.

Every record names the plan (and document number), the definition and its formula, the rule version,
the data period it really used and the import ids of the data, so a figure can be traced back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaodi.indicators.definitions import VERSION, Definition, Value, find_definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.monitor import progress as pr
from gaodi.plan.model import Indicator, Plan


@dataclass
class MonitorRecord:
    plan_id: str
    number: str
    indicator: str
    category: str | None
    unit: str | None
    area: str
    area_kind: str
    period: str
    data_period: str | None
    value: float | None
    base: float | None
    base_year: int | None
    target: str
    target_op: str
    target_value: float | None
    target_low: float | None
    target_high: float | None
    target_year: int
    cumulative: bool
    gap: float | None
    progress: float | None
    expected_now: float | None
    required: float | None
    required_unit: str | None
    average_rate: float | None
    forecast: float | None
    forecast_low: float | None
    forecast_high: float | None
    status: str
    status_zh: str
    reason: str
    definition: str | None
    formula: str | None
    rule_version: str
    inputs: list[int] = field(default_factory=list)
    note: str = ""
    doc_number: str | None = None


def _goal(plan: Plan, ind: Indicator) -> pr.Goal:
    t = ind.target
    return pr.Goal(t.op, t.value, t.low, t.high, t.year or plan.target_year, t.cumulative)


class Monitor:
    """Compute monitoring records of one plan over one store; caches values within the instance."""

    def __init__(self, src: Sources, plan: Plan) -> None:
        self.src, self.plan = src, plan
        self._cache: dict[tuple, Value] = {}

    def value(self, d: Definition | None, ind: Indicator, period: Period, area: Area) -> Value:
        key = (d.key if d else ind.name, period.key, area.kind, area.code)
        if key not in self._cache:
            ctx = {"base_year": ind.base_year or self.plan.base_year, "cumulative": ind.target.cumulative,
                   "names": [ind.name] + ([d.key, d.name] if d else [])}
            if d is None or d.compute is None:
                from gaodi.indicators.definitions import _entered

                self._cache[key] = _entered(self.src, period, area, ctx)
            else:
                self._cache[key] = d.compute(self.src, period, area, ctx)
        return self._cache[key]

    def annual(self, d: Definition | None, ind: Indicator, area: Area, years: range) -> dict[int, float]:
        out = {}
        for y in years:
            if self.src.has_period(Period(y)):
                v = self.value(d, ind, Period(y), area).value
                if v is not None:
                    out[y] = v
        return out

    @staticmethod
    def _progress(kind: str, value, base, goal: pr.Goal, regional_counts: bool) -> float | None:
        """Progress from base to target; none for rates, regional counts, or a base that already met it."""
        if kind == "rate" or regional_counts or goal.op == "qualitative":
            return None
        if base is not None and not goal.cumulative and goal.point is not None and pr.meets(base, goal):
            return None
        return pr.progress(value, base, goal)

    def records(self, period: Period, area: Area) -> list[MonitorRecord]:
        return [self.record(ind, period, area) for ind in self.plan.indicators]

    def record(self, ind: Indicator, period: Period, area: Area) -> MonitorRecord:
        plan = self.plan
        d = find_definition(ind.name)
        kind = d.kind if d else "entered"
        goal = _goal(plan, ind)
        base_year = ind.base_year or plan.base_year
        val = self.value(d, ind, period, area)
        data_year = int(val.data_period[:4]) if val.data_period else period.year
        latest = self.src.latest_year() or period.year
        last_full = min(latest, period.year if period.month is None else period.year - 1)
        base = ind.base
        regional_counts = area.kind != "province" and kind in ("count", "cumulative")
        if area.kind != "province" and not regional_counts and d is not None:
            base = self.value(d, ind, Period(base_year), area).value  # the area's own base value
        fc = avg = req = path = None
        req_unit = None
        if kind == "rate":
            achieved = list(self.annual(d, ind, area, range(base_year + 1, last_full + 1)).values())
            avg = pr.average_rate(achieved)
            req, req_unit = pr.required_rate(achieved, goal, base_year), "%/年"
        elif kind in ("level", "count", "entered") and not regional_counts and goal.op != "qualitative":
            history = self.annual(d, ind, area, range(base_year - 4, last_full + 1)) if d else {}
            if period.month is None and val.value is not None:
                history[period.year] = val.value
            fc = pr.forecast(history, goal.year)
            path = pr.expected(base, base_year, goal, data_year)
            req = pr.required_per_year(val.value, goal, data_year)
            req_unit = f"{ind.unit or ''}/年"
        elif kind == "cumulative" and not regional_counts:
            path = pr.expected(base, base_year, goal, data_year)
            req = pr.required_per_year(val.value, goal, data_year)
            req_unit = f"{ind.unit or ''}/年"
        if regional_counts:
            code, reason = "pending", "省级数量目标未分解到本地区，仅列出本地区数值"
        else:
            code, reason = pr.status(kind, val.value, goal, path=path, fc=fc, average=avg,
                                     final_year=period.month is None and period.year >= goal.year)
        return MonitorRecord(
            plan.id, ind.number, ind.name, ind.category, ind.unit, area.name or area.code, area.kind,
            period.key, val.data_period, val.value, base, base_year, ind.target.describe(), goal.op,
            goal.value, goal.low, goal.high, goal.year, goal.cumulative,
            pr.gap(val.value, goal) if val.value is not None and goal.op != "qualitative" else None,
            self._progress(kind, val.value, base, goal, regional_counts), path, req, req_unit, avg,
            fc.point if fc else None, fc.low if fc else None, fc.high if fc else None,
            code, pr.STATUS_ZH[code], reason, d.key if d else None, d.formula if d else None, VERSION,
            val.inputs, val.note, plan.doc_number)
