"""Read targets written against a base: "比2020年提高3个百分点", "下降15%以上", "翻一番", "由12%提高到15%".

A clause of one of these shapes gives the subject (the indicator), a
:class:`~gaodi.plan.model.Relation` and, when the clause itself states the base ("由2020年的12%"),
the base value with its year and unit:

* 比/较 [YYYY年] 提高/提升/增加/上升/增长 X (个百分点 | %), and 提高/提升/上升 X 个百分点 or X% without
  比 → ``points`` (个百分点) or ``percent`` (%), positive;
* 下降/降低/减少/压减 X (个百分点 | %), with or without 比 → negative: "下降15%以上" is ``<=`` −15;
* 比/较 YYYY年 增加/减少 X in another unit (比2020年增加5000家) → ``amount``, in that unit;
* 翻一番 / 翻两番 / 翻番 → ``multiple`` 2 / 4 / 2; 增长N倍 → N + 1; 是(YYYY年的)N倍 → N;
* 由/从 [YYYY年的] B 提高到/下降到 Y → an absolute target Y with base B (no relation).

"年均增长 7%" is not a relation: it is the level of an average growth rate, read as an indicator
named "…年均增长". "增长 X%" without 比 is read the same way (the growth rate as the indicator).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gaodi.plan.model import Indicator, Relation, Target
from gaodi.plan.quantity import QuantityError, compact, parse_amount

_UP = "提高|提升|增加|上升|增长"
_DOWN = "下降|降低|减少|压减|压降"
_COMPARE = r"(?:比|较|相比|与)(?:(?P<year>20\d{2})年(?:底|末)?|基期|目前|现在|现有水平)(?:相比)?"
_RELATIVE = re.compile(
    rf"(?P<cmp>{_COMPARE})?(?P<verb>{_UP}|{_DOWN})(?P<rest>\[?\d.*)$")
_DOUBLING = re.compile(
    rf"(?P<cmp>{_COMPARE})?(?:实现)?(?:翻(?P<n>一|两|二|三)?番|倍增|增长(?P<times>\d+(?:\.\d+)?)倍|"
    rf"(?:达到|是|为)(?:(?P<ofyear>20\d{{2}})年(?:底|末)?的)?(?P<multiple>\d+(?:\.\d+)?)倍)"
    rf"(?P<suffix>以上|左右)?$")
_FROM_TO = re.compile(
    rf"(?:由|从)(?:(?P<year>20\d{{2}})年(?:底|末)?的?)?(?P<base>\d+(?:\.\d+)?)(?P<bunit>%|[^\d\s]{{0,4}}?)"
    rf"(?:{_UP}|{_DOWN})(?:到|至)(?P<rest>.+)$")
_DOUBLINGS = {None: 2, "一": 2, "两": 4, "二": 4, "三": 8}


@dataclass(frozen=True)
class RelativeClause:
    """A clause read as a relation (or a from-to pair): the subject and what it must reach."""

    subject: str
    target: Target
    unit: str | None
    base: float | None = None
    base_year: int | None = None


def read_relative(clause: str, year: int) -> RelativeClause | None:
    """Read ``clause`` (half-width, digits) if it has one of the shapes above, else None.

    Raises QuantityError when the shape is there but its amount cannot be read.
    """
    if m := _FROM_TO.search(clause):
        amount = parse_amount(m["rest"], year=year)
        base_unit = m["bunit"] or None
        if amount.unit and base_unit and amount.unit != base_unit:
            raise QuantityError(f"基数单位「{base_unit}」与目标单位「{amount.unit}」不同",
                                f"the base unit '{base_unit}' differs from the target unit")
        return RelativeClause(clause[: m.start()], amount.target, amount.unit or base_unit,
                              float(m["base"]), int(m["year"]) if m["year"] else None)
    if m := _DOUBLING.search(clause):
        if m["times"]:
            multiple = float(m["times"]) + 1
        elif m["multiple"]:
            multiple = float(m["multiple"])
        else:
            multiple = float(_DOUBLINGS[m["n"]])
        op = ">=" if m["suffix"] == "以上" else "="
        year_of = m["year"] or m["ofyear"]
        relation = Relation(kind="multiple", op=op, value=multiple,
                            base_year=int(year_of) if year_of else None, text=m.group(0))
        return RelativeClause(clause[: m.start()], _relative(relation, year, m["suffix"]), None)
    m = _RELATIVE.search(clause)
    if m is None or clause[: m.start()].endswith("年均"):
        return None
    down = bool(re.fullmatch(_DOWN, m["verb"]))
    amount = parse_amount(m["rest"])
    if amount.unit in ("个百分点", "百分点"):
        kind = "points"
    elif amount.unit == "%" and (down or m["cmp"] or m["verb"] != "增长"):
        kind = "percent"
    elif amount.unit and amount.unit != "%" and m["cmp"]:
        kind = "amount"  # 比2020年增加5000家
    else:
        return None  # "增长7%" is a growth rate, "增加100家" a count: read elsewhere
    t = amount.target
    if t.op not in (">=", "<=", "=", "range") or t.cumulative or t.rank:
        raise QuantityError(f"「{m.group(0)}」的幅度无法读出", f"the change in '{m.group(0)}' is unreadable")
    sign = -1.0 if down else 1.0
    if t.op == "range":
        low, high = sorted([sign * t.low, sign * t.high])  # type: ignore[operator]
        relation = Relation(kind=kind, op="range", low=low, high=high,
                            base_year=int(m["year"]) if m["year"] else None, text=m.group(0))
    else:
        op = {">=": "<=", "<=": ">="}.get(t.op, t.op) if down else t.op  # falling at least 15%
        relation = Relation(kind=kind, op=op, value=sign * t.value,  # type: ignore[operator]
                            base_year=int(m["year"]) if m["year"] else None, text=m.group(0))
    unit = {"points": "%", "amount": amount.unit}.get(kind)
    return RelativeClause(clause[: m.start()], _relative(relation, year, None, t.approximate), unit)


def _relative(relation: Relation, year: int, suffix: str | None,
              approximate: bool = False) -> Target:
    return Target(op="relative", relation=relation, year=year, text=relation.text,
                  approximate=approximate or suffix == "左右")


def resolve(target: Target, base: float) -> Target:
    """Return ``target`` with its absolute level from base value ``base``; the relation is kept."""
    if target.relation is None:
        return target
    return target.model_copy(update=target.relation.level(base))


@dataclass(frozen=True)
class KnownBase:
    """A value the document states for a year: a table row's base, or a past figure in the text."""

    name: str
    year: int | None
    value: float
    unit: str | None


_WHOLE = re.compile(r"^(?:全省|全市|全区|全县|全州|我省|我市)")


def same_name(a: str, b: str) -> bool:
    """Tell whether two subjects name the same quantity: 全省 dropped, 规模以上 = 规上, 的 ignored."""
    def norm(s: str) -> str:
        return _WHOLE.sub("", compact(s)).replace("规模以上", "规上").replace("的", "")
    return norm(a) == norm(b)


def with_known_base(ind: Indicator, bases: list[KnownBase], plan_base_year: int | None) -> Indicator:
    """Make a relative target absolute from a known base of the same name and year.

    "比2020年提高3个百分点" takes a base stated for 2020; a relation without a year takes one for
    the plan's base year. The relation is kept; a base in another unit than the indicator's is
    not used.
    """
    relation = ind.target.relation
    if ind.target.op != "relative" or relation is None:
        return ind
    wanted = relation.base_year or plan_base_year
    for base in bases:
        year = base.year or plan_base_year
        if wanted is None or year != wanted or not same_name(base.name, ind.name):
            continue
        if ind.unit and base.unit and ind.unit != base.unit:
            continue
        return ind.model_copy(update={"base": base.value, "base_year": wanted,
                                      "unit": ind.unit or base.unit,
                                      "target": resolve(ind.target, base.value)})
    return ind
