"""The sentences of a report, written from monitoring records by fixed rules (no facts are invented).

Every sentence says only what the records hold: values, targets, the path, the forecast and the status
(the status rules are printed in the report's appendix). Suggestions are generated from the status and kind of each indicator,
plainly worded, and name the indicator, the gap and the change still needed per year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from gaodi.indicators.definitions import definition
from gaodi.monitor.records import MonitorRecord
from gaodi.reports.wording import plain

STATUS_ORDER = ("achieved", "on_track", "at_risk", "behind", "pending")


def num(value: float | None, digits: int = 2) -> str:
    """A figure in a sentence: up to ``digits`` decimals, trailing zeros dropped."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def with_unit(value: float | None, unit: str | None, digits: int = 2) -> str:
    """A figure with its unit: 4.9%, 59 家."""
    if unit == "%":
        return f"{num(value, digits)}%"
    return f"{num(value, digits)} {unit}" if unit else num(value, digits)


def status_counts(records: Sequence[MonitorRecord]) -> dict[str, int]:
    c = Counter(r.status for r in records)
    return {s: c.get(s, 0) for s in STATUS_ORDER}


def overview(records: Sequence[MonitorRecord], plan_name: str, doc_number: str | None, period_label: str,
             area_name: str) -> str:
    """The opening paragraph: how many indicators, and how many in each status."""
    c = status_counts(records)
    doc = f"（{doc_number}）" if doc_number else ""
    text = (f"对照《{plan_name}》{doc}确定的 {len(records)} 项主要指标，{area_name}{period_label}监测结果为："
            f"达标 {c['achieved']} 项、正常 {c['on_track']} 项、预警 {c['at_risk']} 项、滞后 {c['behind']} 项、"
            f"待评估 {c['pending']} 项。")
    lagging = [r for r in records if r.data_period and r.data_period != r.period]
    if lagging:
        text += (f"其中 {len(lagging)} 项为年度或名单类指标，按数据时滞采用最近可得的数据期"
                 f"（见表 1“数据期”一栏）。")
    return text


def describe(r: MonitorRecord) -> str:
    """One indicator in one sentence: value, target, where it stands and why."""
    parts = [f"{r.indicator}{'（' + r.data_period + '）' if r.data_period else ''}为 {with_unit(r.value, r.unit)}"]
    if r.target_op != "qualitative":
        parts.append(f"{r.target_year}年目标 {r.target}{'' if r.unit in (None, '%') else r.unit}")
    words = progress_words(r)
    if words:
        parts.append(words)
    if r.forecast is not None:
        parts.append(f"按趋势预测{r.target_year}年可达 {num(r.forecast)}")
    return "，".join(parts) + f"，状态为“{r.status_zh}”：{plain(r.reason)}。"


def progress_words(r: MonitorRecord) -> str:
    """Progress toward the target in words: 完成进度 45.2%, or, when the value moved away from the target,
    较基期倒退 0.8 个百分点 (the monitor's own wording of the regression where it gives one, else the size
    of the move from the base in the indicator's unit)."""
    if r.progress is not None and r.progress >= 0:
        return f"完成进度 {num(r.progress, 1)}%"
    if r.regression is None and (r.progress is None or r.progress >= 0):
        return ""
    if "倒退" in (r.progress_text or ""):
        return f"较基期{r.progress_text}"
    if r.value is None or r.base is None:
        return "较基期倒退"
    unit = "个百分点" if r.unit == "%" else (r.unit or "")
    return f"较基期倒退 {num(abs(r.value - r.base))}{' ' if unit else ''}{unit}"


def problems(records: Sequence[MonitorRecord]) -> list[str]:
    """The indicators behind or at risk (behind first), then those that cannot be assessed for lack of data."""
    out = [describe(r) for s in ("behind", "at_risk") for r in records if r.status == s]
    missing = [r.indicator for r in records if r.value is None]
    if missing:
        out.append(f"{'、'.join(missing)}本期没有数据，无法判断进度。")
    qualitative = [r.indicator for r in records if r.target_op == "qualitative" and r.value is not None]
    if qualitative:
        out.append(f"{'、'.join(qualitative)}的目标为“完成国家下达任务”，需对照国家下达的年度任务值评估。")
    return out


def need(r: MonitorRecord) -> str:
    """The change still required per year, in words: 每年需提高 1.4 家 / 年均需达到 7.5%."""
    if r.required is None:
        return ""
    if r.definition and definition(r.definition).kind == "rate":
        return f"剩余年份年均需达到 {num(r.required)}%"
    unit = (r.required_unit or "").replace("/年", "")
    return f"剩余年份每年需{'提高' if r.required >= 0 else '降低'} {num(abs(r.required))}{' ' if unit not in ('%', '') else ''}{unit}"


def _listing(records: Sequence[MonitorRecord], with_need: bool = True) -> str:
    items = []
    for r in records:
        text = need(r) if with_need else ""
        items.append(f"{r.indicator}{'（' + text + '）' if text else ''}")
    return "；".join(items)


def suggestions(records: Sequence[MonitorRecord]) -> list[str]:
    """Next steps grouped by status: behind, at risk, data gaps, qualitative targets, the rest.

    Each names the indicators and the change still required per year; nothing else is asserted.
    """
    behind = [r for r in records if r.status == "behind" and r.value is not None]
    at_risk = [r for r in records if r.status == "at_risk"]
    missing = [r for r in records if r.value is None]
    qualitative = [r for r in records if r.target_op == "qualitative" and r.value is not None]
    fine = [r for r in records if r.status in ("achieved", "on_track")]
    out = []
    if behind:
        out.append(f"对滞后的 {len(behind)} 项指标加大推进力度：{_listing(behind)}。建议逐项分解到市州、园区和责任单位，"
                   "制定追赶措施和时间表，在下期报告中跟踪变化。")
    if at_risk:
        out.append(f"密切跟踪预警的 {len(at_risk)} 项指标：{_listing(at_risk)}。建议按月调度，防止转为滞后。")
    if missing:
        notes = "；".join(f"{r.indicator}：{plain(r.note) or '导入计算所需的数据'}" for r in missing)
        out.append(f"补齐 {len(missing)} 项指标的数据（{notes}），以便下期监测。")
    if qualitative:
        out.append(f"录入国家下达的年度任务值（{'、'.join(r.indicator for r in qualitative)}），按任务值逐年考核。")
    if fine:
        out.append(f"保持达标和运行正常的 {len(fine)} 项指标（{'、'.join(r.indicator for r in fine)}）的推进节奏，"
                   "继续按期监测。")
    return out
