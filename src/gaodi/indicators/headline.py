"""The cockpit's headline figures of an area and period, each with its change on the same period a year before.

| figure | value | 同比 |
| --- | --- | --- |
| 规上工业增加值增速 | Σ增加值(本期) ÷ [Σ增加值(上年同期) × 价格指数/100] − 1, 同口径规上工业企业 (%) | — (it is itself a growth) |
| 规上工业营业收入 | Σ营业收入 of above-scale industrial enterprises (亿元) | 同口径增长 (%) |
| 规上工业利润总额 | Σ利润总额 (亿元) | 同口径增长 (%) |
| 先进制造业占比 | the plan's definition ``advanced_share`` (%) | change in 百分点 |

Growth is 同口径 (enterprises above scale in both periods), as the statistics bureau publishes it, so a
growth is not the ratio of the two totals shown. No data is None with the reason, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.indicators.definitions import _growth, _num, definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources

YI = 10_000  # 万元 per 亿元


@dataclass
class Headline:
    key: str
    name: str
    name_en: str
    value: float | None
    unit: str
    change: float | None  # 同比: growth in percent, or the change in 百分点 for a share
    change_unit: str
    note: str


def _total(src: Sources, period: Period, area: Area, column: str) -> float | None:
    if not src.has_period(period):
        return None
    rows = src.rows(period, area, "industrial")
    total = _num(src.run(rows[column].sum()))
    return None if total is None else total / YI


def headline(src: Sources, period: Period, area: Area) -> list[Headline]:
    """The four headline figures of ``area`` in ``period`` (a year, or months cumulated from January)."""
    out = []
    growth = _growth("industrial", "value_added", True)(src, period, area, {})
    out.append(Headline("industry_va_growth", "规上工业增加值增速", "Growth of industrial value added",
                        growth.value, "%", None, "", growth.note))
    for key, column, name, name_en in (("industry_revenue", "revenue", "规上工业营业收入", "Industrial revenue"),
                                       ("industry_profit", "profit", "规上工业利润总额", "Industrial profit")):
        change = _growth("industrial", column, False)(src, period, area, {})
        value = _total(src, period, area, column)
        out.append(Headline(key, name, name_en, value, "亿元", change.value, "%",
                            "" if value is not None else f"{period.label}无数据"))
    share = definition("advanced_share")
    now = share.compute(src, period, area, {"names": [share.name]})
    before = (share.compute(src, period.previous_year(), area, {"names": [share.name]})
              if src.has_period(period.previous_year()) else None)
    change = None if now.value is None or before is None or before.value is None else now.value - before.value
    out.append(Headline("advanced_share", "先进制造业占比", "Advanced manufacturing share", now.value, "%", change,
                        "百分点", now.note))
    return out
