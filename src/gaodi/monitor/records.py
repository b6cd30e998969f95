"""Monitor a plan: one record per indicator with value, target, progress, forecast, status and evidence.

Every record names the plan (and document number), the definition and its formula, the rule version,
the data period it really used (and whether that is a complete year), how many enterprises reported
against how many were expected, which base it measures from (the plan's or the data's) and the import
ids of the data, so a figure can be traced back. The rules are in :mod:`gaodi.monitor.progress`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaodi.indicators.definitions import VERSION, Definition, Value, entered_value, find_definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.monitor import official as of
from gaodi.monitor import progress as pr
from gaodi.plan.model import Indicator, Plan
from gaodi.plan.relations import resolve

ASSIGNED_SUFFIX = "（国家下达任务）"  # an entered value named "<indicator>（国家下达任务）" is the assigned target
BASE_SOURCE_ZH = {"plan": "规划公布基期值", "data": "按数据计算的基期值", "official": "官方发布的基期值"}


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
    progress: float | None  # percent of the distance from base to target covered; None on a regression
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
    # the evidence a status rests on
    value_label: str = ""  # what the value is: "2027年1-6月累计", "2026年", "2026-2027年年均增速"
    complete: bool = False  # the value rests on complete years only
    period_growth: float | None = None  # rates: the period's own growth beside the average
    reporters: int | None = None  # enterprises that reported for the data period
    expected_reporters: int | None = None  # the above-scale roll of the year before
    base_source: str | None = None  # plan | data
    base_source_zh: str = ""
    base_plan: float | None = None  # the plan's published base (the province's plan)
    base_data: float | None = None  # the base computed from the data by the definition
    base_note: str = ""
    progress_text: str = ""  # "完成 40.0%", "倒退 0.3 个百分点", "基期已达到目标"
    regression: float | None = None
    assigned: float | None = None  # 完成国家下达任务: the assigned value entered
    status_en: str = ""
    evidence: str = ""
    # official values beside computed ones (按定义计算 / 官方发布)
    value_source: str = "computed"  # computed | official (the one the status uses)
    computed_value: float | None = None
    official_value: float | None = None  # published for the same data period, with its source
    official_source: str = ""
    difference: float | None = None  # computed − official
    official_period: str = ""  # the official value's own period ("2026-2027年年均", "2025年10月") when it differs


def _goal(plan: Plan, ind: Indicator) -> pr.Goal:
    t = ind.target
    return pr.Goal(t.op, t.value, t.low, t.high, t.year or plan.target_year, t.cumulative)


def label(p: Period) -> str:
    """A data period as people write it: 2026年, 2027年1-6月累计 (1-12月 is the whole year)."""
    return f"{p.year}年" if p.month in (None, 12) else f"{p.label}累计"


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
                self._cache[key] = entered_value(self.src, period, area, ctx)
            else:
                self._cache[key] = d.compute(self.src, period, area, ctx)
        return self._cache[key]

    def annual(self, d: Definition | None, ind: Indicator, area: Area, years: range) -> dict[int, float]:
        out = {}
        for y in years:
            if self.src.has_period(Period(y)):
                v = self.value(d, ind, Period(y), area)
                if v.value is not None and v.data_period == str(y):
                    out[y] = v.value
        return out

    def records(self, period: Period, area: Area, value_source: str = "computed") -> list[MonitorRecord]:
        """Every indicator's record; ``value_source`` = official judges on the official value where one is
        published for the same data period (the computed one stays beside it)."""
        return [self.record(ind, period, area, value_source) for ind in self.plan.indicators]

    def last_complete_year(self, period: Period) -> int | None:
        """The latest year with annual statistics, at or before the period (before it for 1-N月)."""
        last = period.year if period.month in (None, 12) else period.year - 1
        years = [y for y in range(last, last - 30, -1) if self.src.has_period(Period(y))]
        return years[0] if years else None

    def _base(self, d, kind, ind, area, base_year) -> tuple[float | None, float | None, str]:
        """(plan base, data base, note): the plan's published base applies to the plan's own area."""
        plan_base = ind.base if area.kind == "province" else None
        data_base, note = None, ""
        if d is not None and d.compute is not None and kind != "cumulative":
            if kind == "rate":
                years = self.annual(d, ind, area, range(base_year - 4, base_year + 1))
                data_base = pr.average_rate(list(years.values()))
                if years:
                    note = f"基期值为上一规划期（{min(years)}-{max(years)}年）年均增速"
            else:
                data_base = self.value(d, ind, Period(base_year), area).value
        if kind == "rate" and plan_base is not None:
            note = f"规划基期值 {plan_base:g}% 为上一规划期（{base_year - 4}-{base_year}年）年均增速"
        return plan_base, data_base, note

    def official(self, d: Definition | None, ind: Indicator, val: Value, area: Area) -> Value | None:
        """The official value published for the computed value's own data period (see
        :func:`gaodi.monitor.official.same_period`; average growth: :func:`official_average`)."""
        return of.same_period(self.src, d, ind, val, area)

    def record(self, ind: Indicator, period: Period, area: Area, value_source: str = "computed") -> MonitorRecord:
        plan = self.plan
        d = find_definition(ind.name)
        kind = d.kind if d else "entered"
        relation = ind.target.relation if ind.target.op == "relative" else None
        base_year = (relation.base_year if relation else None) or ind.base_year or plan.base_year
        val = self.value(d, ind, period, area)
        official = self.official(d, ind, val, area)
        if official is not None and value_source == "official":
            val = Value(official.value, val.data_period, official.inputs, official.note)
        used = Period.parse(val.data_period) if val.data_period else period
        complete = used.month in (None, 12)
        plan_base, data_base, base_note = self._base(d, kind, ind, area, base_year)
        official_base = None
        if relation is not None:  # "提高 X 个百分点": judged once a base is known (plan, official, data)
            official_base = of.base_value(self.src, d, ind, area, base_year) if plan_base is None else None
            known = next((b for b in (plan_base, official_base, data_base) if b is not None), None)
            if known is not None:
                ind = ind.model_copy(update={"target": resolve(ind.target, known)})
        goal = _goal(plan, ind)
        base = next((b for b in (plan_base, official_base, data_base) if b is not None), None)
        base_source = ("plan" if plan_base is not None else "official" if official_base is not None
                       else "data" if data_base is not None else None)
        target = ind.target.describe()
        if relation is not None and ind.target.op != "relative":
            target = f"{relation.text}（{target}）"
        r = MonitorRecord(
            plan.id, ind.number, ind.name, ind.category, ind.unit, area.name or area.code, area.kind,
            period.key, val.data_period, val.value, base, base_year, target, goal.op,
            goal.value, goal.low, goal.high, goal.year, goal.cumulative, None, None, None, None, None, None,
            None, None, None, "pending", "", "", d.key if d else None, d.formula if d else None, VERSION,
            list(val.inputs), val.note, plan.doc_number, value_label=label(used), complete=complete,
            base_source=base_source, base_source_zh=BASE_SOURCE_ZH.get(base_source, ""), base_plan=plan_base,
            base_data=data_base, base_note=base_note)
        if d is not None and d.population and val.value is not None:
            r.reporters, r.expected_reporters = self.src.reporting(used, area, d.population)
        if official is not None:
            computed = self.value(d, ind, period, area).value
            r.computed_value, r.official_value, r.official_source = computed, official.value, official.note
            r.difference = None if computed is None else computed - official.value
            r.value_source = "official" if value_source == "official" else "computed"
            if official.data_period != val.data_period:  # a count published as of a month of the list's year
                when = Period.parse(official.data_period)
                r.official_period = f"截至{when.year}年{when.month}月" if when.month else f"{when.year}年"
        if goal.op == "relative":
            r.status, r.reason = "pending", of.relative_wanted(ind, d, base_year)
        elif kind == "rate":
            self._rate(r, d, ind, period, area, goal, base_year, value_source)
        else:
            self._level(r, d, kind, ind, area, goal, base_year, used, complete)
        r.status_zh, r.status_en = pr.STATUS_ZH[r.status], pr.STATUS_EN[r.status]
        r.evidence = self._evidence(r)
        return r

    def _rate(self, r, d, ind, period, area, goal, base_year, value_source="computed") -> None:
        """Average growth: the geometric average of the complete years since the base, the rate still
        required, and in a partial year its 1-N月 growth (labelled) against that rate. An official average
        over the same years stands beside it; ``value_source`` = official judges on that one."""
        last = self.last_complete_year(period)
        grown = self.annual(d, ind, area, range(base_year + 1, (last or base_year) + 1))
        achieved = list(grown.values())
        r.average_rate = pr.average_rate(achieved)
        official = of.official_average(self.src, d, ind, area, base_year, max(grown)) if grown else None
        if official is not None:
            r.computed_value, r.official_value, r.official_source = r.average_rate, official.value, official.note
            r.difference = r.average_rate - official.value
            r.official_period = f"{base_year + 1}-{max(grown)}年年均" if max(grown) > base_year + 1 else \
                f"{max(grown)}年"
            if value_source == "official":
                r.value_source, r.inputs = "official", sorted(set(r.inputs) | set(official.inputs))
                achieved = [official.value] * (max(grown) - base_year)
                r.average_rate = official.value
        r.required, r.required_unit = pr.required_rate(achieved, goal, base_year), "%/年"
        r.period_growth = r.value
        partial = period.month not in (None, 12)
        current = r.value if partial else None
        if partial and r.value is not None:
            r.value_label = f"{period.label}累计增速"
        elif achieved:
            r.value, r.complete = r.average_rate, True
            r.data_period = str(max(grown))
            span = f"{min(grown)}-{max(grown)}年" if len(grown) > 1 else f"{max(grown)}年"
            r.value_label = f"{span}年均增速（自{base_year}年基期水平）"
        else:
            r.value = None
        r.status, r.reason = pr.rate_status(goal, average=r.average_rate, years=len(achieved), current=current,
                                            required=r.required, current_label=period.label + "累计",
                                            final_year=not partial and period.year >= goal.year)
        if r.status == "pending":
            r.reason = f"{base_year + 1}年年报尚未导入，且无本年累计数据；" + r.reason
            if r.period_growth is not None:
                r.reason += f"（{period.label}增速 {r.period_growth:.2f}%，不属于规划期）"
        r.progress_text = "年均增速指标不计完成进度，见所需年均增速"

    def _level(self, r, d, kind, ind, area, goal, base_year, used, complete) -> None:
        regional_counts = area.kind != "province" and kind in ("count", "cumulative")
        if r.value is None:
            r.status, r.reason = "pending", f"暂无数据：{r.note}" if r.note else "暂无数据"
            return
        if goal.op == "qualitative":
            assigned = entered_value(self.src, Period(goal.year), area, {"names": [ind.name + ASSIGNED_SUFFIX]})
            if assigned.value is None:
                r.status, r.reason = "pending", (
                    "目标为“完成国家下达任务”：请录入下达的任务值（在数据导入中导入“指标公布值（官方发布）”，指标写"
                    f"“{ind.name}{ASSIGNED_SUFFIX}”，统计期写 {goal.year}）")
                return
            r.assigned = assigned.value
            goal = pr.Goal(">=", assigned.value, None, None, goal.year)
        r.gap = pr.gap(r.value, goal)
        if used.year <= base_year:
            what = ("官方发布值" if kind == "entered" or d is None else "名单" if d.population is None
                    else "年报" if d.annual_only or complete else "数据")
            r.status, r.reason = "pending", (f"基期（{base_year}年）之后尚无数据：{base_year + 1}年"
                                             f"{what}尚未导入（现有数据为 {r.value_label}）")
            return
        if regional_counts:
            r.status, r.reason = "pending", "省级数量目标未分解到本地区，仅列出本地区数值"
            return
        a = pr.advance(r.value, r.base, goal, r.unit or "")
        r.progress, r.regression, r.progress_text = a.share, a.regression, a.text
        r.required = pr.required_per_year(r.value, goal, used.year)
        r.required_unit = f"{r.unit or ''}/年"
        final = complete and used.year >= goal.year
        if kind == "cumulative":
            r.expected_now = pr.expected(None, base_year, goal, used.year)
            r.value_label = f"{base_year + 1}-{used.year}年" if used.year > base_year + 1 else r.value_label
            r.status, r.reason = pr.cumulative_status(r.value, goal, path=r.expected_now, final_year=final,
                                                      label=r.value_label)
            return
        r.expected_now = pr.expected(r.base, base_year, goal, used.year)
        last = self.last_complete_year(Period(used.year) if complete else Period(used.year, used.month))
        history = self.annual(d, ind, area, range(base_year - 4, (last or base_year) + 1)) if d else {}
        fc = pr.forecast(history, goal.year, bounds=d.bounds if d else None)
        if fc is not None:
            r.forecast, r.forecast_low, r.forecast_high = fc.point, fc.low, fc.high
        r.status, r.reason = pr.level_status(r.value, goal, path=r.expected_now, fc=fc, complete=complete,
                                             final_year=final, label=r.value_label)

    @staticmethod
    def _evidence(r: MonitorRecord) -> str:
        """One sentence of what the status rests on, in Chinese."""
        if r.value is None:
            return f"无数据；口径 {version_words(r.rule_version)}" + (f"；{r.note}" if r.note else "")
        parts = [f"数据期 {r.value_label or r.data_period}（{'完整年度' if r.complete else '非完整年度'}）"]
        if r.reporters is not None:
            roll = f"，上年规上名录 {r.expected_reporters} 家" if r.expected_reporters is not None else ""
            parts.append(f"{r.reporters} 家企业报送{roll}")
        if r.base_source:
            other = r.base_data if r.base_source in ("plan", "official") else None
            beside = f"（按数据计算 {other:.4g}）" if other is not None else ""
            parts.append(f"基期：{r.base_source_zh} {r.base:.4g}{beside}")
        if r.official_value is not None:
            used = "官方发布值" if r.value_source == "official" else "按定义计算值"
            when = f"（{r.official_period}）" if r.official_period else ""
            computed = "无" if r.computed_value is None else f"{r.computed_value:.4g}"
            diff = "" if r.difference is None else f"差 {r.difference:+.4g}；"
            parts.append(f"按定义计算 {computed}，官方发布{when} {r.official_value:.4g}"
                         f"（{diff}{r.official_source}），状态依据{used}")
        if r.note and r.value_source != "official":
            parts.append(r.note)
        parts.append(f"口径 {version_words(r.rule_version)}")
        if r.inputs:
            parts.append("导入编号 " + ",".join(str(i) for i in r.inputs))
        return "；".join(parts)


def version_words(version: str) -> str:
    """``gaodi-indicators-2026.1`` → ``2026.1 版`` (the record keeps the full identifier in ``rule_version``)."""
    return f"{version.rsplit('-', 1)[-1]} 版" if version.startswith("gaodi-") else version
