"""The plan's count targets (千亿企业 8, 小巨人 ≥700, 智能工厂 2000/800/50 ...) monitored like its indicators.

Each count target is matched to an indicator definition by its subject (and level) and monitored as an
indicator of the same kind: value, progress, required change, forecast, status and evidence, from the
data's own base (the plan's count sentences give no base). 新增规模以上工业企业 is a running sum since the
base year, like indicator 8.
"""

from __future__ import annotations

from gaodi.indicators.definitions import definition
from gaodi.indicators.frame import Area, Period
from gaodi.monitor.records import Monitor, MonitorRecord
from gaodi.plan.model import CountTarget, Indicator, Target

NO_OFFICIAL = "无官方来源（库中没有同期的官方发布值）"
# (words in the subject, level or None, definition key)
COUNT_SUBJECTS = (
    ("千亿企业", None, "revenue_1000yi"),
    ("百亿企业", None, "revenue_100yi"),
    ("小巨人", None, "little_giant"),
    ("单项冠军", None, "single_champion"),
    ("新增规模以上工业企业", None, "new_above_scale"),
    ("智能工厂", "基础级", "smart_basic"),
    ("智能工厂", "先进级", "smart_advanced"),
    ("智能工厂", "卓越级以上", "smart_excellent_plus"),
)


def count_key(t: CountTarget) -> str | None:
    """The definition that counts a count target's subject, or None when gaodi has none."""
    for words, level, key in COUNT_SUBJECTS:
        if words in t.subject and (level is None or level == (t.level or "")):
            return key
    return None


def count_records(monitor: Monitor, period: Period, area: Area) -> list[MonitorRecord]:
    """One monitoring record per count target (numbered 数量1, 数量2 ...)."""
    plan = monitor.plan
    out = []
    for i, t in enumerate(plan.count_targets, start=1):
        key = count_key(t)
        subject = t.subject + (f"（{t.level}）" if t.level else "")
        name = definition(key).name if key else subject
        ind = Indicator(number=f"数量{i}", name=name, unit=t.unit, category="数量目标",
                        base_year=plan.base_year,
                        target=Target(op=t.op, value=t.value, low=t.low, high=t.high, year=t.year,
                                      cumulative=key == "new_above_scale", approximate=t.approximate))
        r = monitor.record(ind, period, area)
        r.indicator = subject
        if key is None and r.value is None:
            r.status, r.status_zh, r.status_en = "pending", "待评估", "pending"
            r.reason = "gaodi 没有该数量目标的统计口径"
        if r.official_value is None:
            r.official_source = NO_OFFICIAL
        out.append(r)
    return out
