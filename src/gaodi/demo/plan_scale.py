"""The plan as the demo of one size should be judged against it: counts and totals scaled, shares not.

The demo province of size ``small`` has a tenth of the enterprises of the real one (``medium`` is
calibrated to the plan's base values), so its counts (小巨人 59, not 593) and totals (营收 in 亿元) are a
tenth too. Judged against the plan's own targets every count would read 滞后. The demo therefore saves
the plan with each count and total target, base and milestone multiplied by the size's factor, and
shares, rates and growth (unit %) unchanged; the plan carries a note that says so, which the cockpit and
the demo summary show.
"""

from __future__ import annotations

from gaodi.plan.model import Footnote, Plan, Target

SCALE_MARK = "演示缩放"
SIZE_WORDS = {"small": "小", "medium": "中", "large": "大"}
SCALED_UNITS = {"家", "个", "项", "人", "亿元", "万元", "元"}  # counts and totals; % stays as it is


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 4)


def _target(target: Target, factor: float) -> Target:
    return target.model_copy(update={"value": _times(target.value, factor), "low": _times(target.low, factor),
                                     "high": _times(target.high, factor)})


def scale_note(size: str, factor: float) -> str:
    return (f"演示数据（{SIZE_WORDS.get(size, size)}规模）的企业数为正式规模的 {factor:g} 倍，规划中的数量和总量目标（家、个、亿元等）"
            f"及其基期值已按 {factor:g} 倍缩放，占比、比率和增速目标不变。")


def scaled_plan(plan: Plan, size: str, factor: float) -> Plan:
    """``plan`` with every count and total (unit in :data:`SCALED_UNITS`) multiplied by ``factor``."""
    if factor == 1:
        return plan
    indicators = [ind.model_copy(update={
        "base": _times(ind.base, factor), "target": _target(ind.target, factor),
        "milestones": [_target(m, factor) for m in ind.milestones]}) if ind.unit in SCALED_UNITS else ind
        for ind in plan.indicators]
    amounts = {name: [t.model_copy(update={"value": _times(t.value, factor), "low": _times(t.low, factor),
                                           "high": _times(t.high, factor)}) if t.unit in SCALED_UNITS else t
                      for t in getattr(plan, name)] for name in ("sector_targets", "count_targets")}
    note = Footnote(mark=f"{SCALE_MARK} {size} {factor:g}", text=scale_note(size, factor))
    return plan.model_copy(update={"indicators": indicators, **amounts, "footnotes": [*plan.footnotes, note]})


def plan_scale_note(plan: Plan) -> dict | None:
    """How a demo plan was scaled (``size``, ``factor`` and the note ``text``), or None for a plan as issued."""
    for f in plan.footnotes:
        if f.mark and f.mark.startswith(SCALE_MARK + " "):
            _, size, factor = f.mark.split(" ")
            return {"size": size, "factor": float(factor), "text": f.text}
    return None
