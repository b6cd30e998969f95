"""Official values beside computed ones, and the bases a relative target needs.

Official values are imported from releases (``gaodi import indicator-values`` or the shipped reference set,
``gaodi monitor load-official``), each with its source. They stand beside the value computed by the
definition only when both speak for the same thing:

* **levels and shares**: the official value of the computed value's own data period;
* **counts of lists** (小巨人, 千亿企业 ...): a count published "as of" a month (截至发布时) stands beside the
  count of the list's year when the month falls in that year, labelled with its own month;
* **average growth** (年均增速): an average beside an average. Either one published under the plan
  indicator's own name for the last complete year (the average from the base-year level to that year), or
  the geometric average of the official single-year growth rates of every year since the base, all of
  them published (one missing year: no official average).

A relative target ("比2025年提高2个百分点") is made absolute from the first base known: the plan's published
base, an official value of the base year, then the base computed from the data. With none, the record is
待评估 and says exactly what to enter (:func:`relative_wanted`).
"""

from __future__ import annotations

from gaodi.indicators.definitions import Definition, Value, entered_value
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.monitor.progress import average_rate
from gaodi.plan.model import Indicator


def _names(d: Definition | None, ind: Indicator) -> list[str]:
    return [ind.name] + ([d.name, *d.aliases] if d else [])


def same_period(src: Sources, d: Definition | None, ind: Indicator, val: Value, area: Area) -> Value | None:
    """The official value for the computed value's data period (a count: any month of its year), or None.

    Not for entered indicators (the official value is the value) nor average growth (see
    :func:`official_average`)."""
    if d is None or d.compute is None or d.kind in ("entered", "rate") or not val.data_period:
        return None
    used = Period.parse(val.data_period)
    if d.kind == "count" and used.month is None:  # a list's year: the latest count published in it
        got = entered_value(src, Period(used.year, 12), area, {"names": _names(d, ind)})
        if got.value is None or got.data_period[:4] != val.data_period:
            return None
        return Value(got.value, got.data_period, got.inputs, got.note.split("；采用")[0])  # its month is shown apart
    got = entered_value(src, used, area, {"names": _names(d, ind)})
    return got if got.value is not None and got.data_period == val.data_period else None


def official_average(src: Sources, d: Definition | None, ind: Indicator, area: Area, base_year: int,
                     last: int) -> Value | None:
    """The official average growth (%) from the ``base_year`` level to ``last``: published as such under
    the indicator's 年均 name for ``last``, or r = [Π(1 + g_y/100)]^(1/n) − 1 over the official single-year
    rates g_y of every year base_year + 1 … last (names of the definition without 年均)."""
    averages = [n for n in _names(d, ind) if "年均" in n]
    got = entered_value(src, Period(last), area, {"names": averages})
    if got.value is not None and got.data_period == str(last):
        return Value(got.value, str(last), got.inputs, got.note)
    singles = [n for n in _names(d, ind) if "年均" not in n]
    years = range(base_year + 1, last + 1)
    found = [entered_value(src, Period(y), area, {"names": singles}) for y in years] if singles else []
    if not found or any(v.value is None or v.data_period != str(y) for v, y in zip(found, years)):
        return None
    rates = "、".join(f"{y}年 {v.value:g}%" for v, y in zip(found, years))
    sources = "；".join(dict.fromkeys(v.note for v in found))
    return Value(average_rate([v.value for v in found]), str(last), sorted({i for v in found for i in v.inputs}),
                 f"按官方发布的各年增速（{rates}）几何平均；{sources}")


def base_value(src: Sources, d: Definition | None, ind: Indicator, area: Area, year: int) -> float | None:
    """An official value published for the base year itself (the base of a relative target), or None."""
    got = entered_value(src, Period(year), area, {"names": _names(d, ind)})
    return got.value if got.value is not None and got.data_period == str(year) else None


def relative_wanted(ind: Indicator, d: Definition | None, year: int) -> str:
    """What to enter so that a relative target can be judged: its base-year value."""
    relation = ind.target.relation
    text = relation.text if relation is not None else ind.target.text
    data = f"，或导入 {year} 年的统计数据（在数据导入中导入“企业统计（年度与1-N月累计）”），由口径“{d.name}”计算" if d and d.compute else ""
    return (f"目标为“{text}”，须先知道 {year} 年的基期值：请录入 {year} 年的官方发布值（"
            f"在数据导入中导入“指标公布值（官方发布）”，指标写“{ind.name}”，统计期写 {year}）{data}")
