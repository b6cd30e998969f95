"""Condition-by-condition texts and gaps, computed for many enterprises at once.

:func:`describe` takes one leaf condition and the rows (enterprises) to describe with their outcome
(1 holds, 0 fails, −1 missing) and returns, per row, the Chinese text, the English text, the
enterprise's value as shown and the numeric gap, for example::

    营业收入 1.6亿元 < 2亿元，差 0.4亿元        (revenue 1.6亿元 < 2亿元, off by 0.4亿元)
    智能工厂等级 先进，要求 ≥ 卓越，差 1 级
    未持有「专精特新小巨人」称号
    研发投入强度 数据缺失（要求 ≥ 3%）

The gap is in the unit the policy wrote the threshold in (亿元 above), or in levels for scales;
for "at least" conditions it is what is lacking, for "at most" conditions what is in excess.
Numbers are shown with at most two decimals and no thousands separators, as in official documents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gaodi.policies.attributes import ATTRIBUTES, MONEY_UNITS, EnterpriseTable, level_name
from gaodi.policies.conditions import Leaf

__all__ = ["Described", "describe", "format_numbers", "gap_unit"]

_NEGATION = {">=": "<", ">": "≤", "<=": ">", "<": "≥", "==": "≠", "!=": "="}


@dataclass
class Described:
    """Aligned arrays, one entry per described row."""

    text: np.ndarray
    text_en: np.ndarray
    actual: np.ndarray
    gap: np.ndarray  # float, NaN where no numeric gap applies


def format_numbers(values: np.ndarray) -> np.ndarray:
    """Numbers as text with at most two decimals, trailing zeros dropped: 2, 1.6, 0.35, 12000."""
    text = np.char.mod("%.2f", np.round(np.asarray(values, dtype=float), 2) + 0.0)
    text = np.char.rstrip(np.char.rstrip(text, "0"), ".")
    return np.where(text == "-0", "0", text).astype(object)


def gap_unit(leaf: Leaf) -> str:
    kind = ATTRIBUTES[leaf.attribute].kind
    return leaf.unit if kind == "number" else ("级" if kind == "scale" else "")


def _in_unit(values: np.ndarray | float, unit: str, to: str):
    if unit == to:
        return values
    return values * MONEY_UNITS[unit] / MONEY_UNITS[to]


def describe(table: EnterpriseTable, leaf: Leaf, rows: np.ndarray, status: np.ndarray) -> Described:
    """Texts and gaps of ``leaf`` for ``rows`` whose outcomes are ``status`` (1, 0 or −1)."""
    attr = ATTRIBUTES[leaf.attribute]
    label, label_en = leaf.title, leaf.label or attr.label_en
    n = len(rows)
    text = np.empty(n, dtype=object)
    text_en = np.empty(n, dtype=object)
    actual = np.full(n, "", dtype=object)
    gap = np.full(n, np.nan)
    holds, fails = status == 1, status == 0
    op, value = leaf.op, leaf.value

    if attr.kind == "number":
        x = _in_unit(table.number(leaf.attribute)[rows], attr.unit, leaf.unit)
        actual = format_numbers(x) + leaf.unit
        if op == "between":
            lo, hi = (_in_unit(v, attr.unit, leaf.unit) for v in value)
            below = x < lo
            bound = np.where(below, lo, hi)
            sym = np.where(below, "<", ">").astype(object)
            gap = np.where(below, lo - x, x - hi)
        else:
            bound = np.full(n, _in_unit(value, attr.unit, leaf.unit))
            sym = np.full(n, _NEGATION[op], dtype=object)
            gap = np.abs(bound - x) if op != "!=" else np.full(n, np.nan)
        gap = np.round(gap, 9)
        excess = np.isin(sym, [">", "≥"])
        gap_text = format_numbers(gap) + leaf.unit
        lead = np.where(excess, "，超出 ", "，差 ").astype(object)
        tail = np.where(np.isnan(gap), "", lead + gap_text).astype(object)
        tail_en = np.where(np.isnan(gap), "", ", off by " + gap_text).astype(object)
        head = actual + " " + sym + " " + format_numbers(bound) + leaf.unit
        text[fails] = (label + " " + head + tail)[fails]
        text_en[fails] = (label_en + " " + head + tail_en)[fails]
    elif attr.kind == "scale":
        x = table.number(leaf.attribute)[rows]
        scale = np.array(attr.scale, dtype=object)
        actual = np.where(np.isnan(x), "", scale[np.nan_to_num(x).astype(int)]).astype(object)
        if op in ("in", "not_in", "==", "!="):
            text[fails] = label + " 为 " + actual[fails] + f"，要求 {leaf.shown}"
            text_en[fails] = label_en + " is " + actual[fails] + f", required {leaf.shown}"
        else:
            target = np.where(x < value[0], value[0], value[1]) if op == "between" else np.full(n, value)
            gap = np.abs(target - x)
            steps = format_numbers(gap)
            text[fails] = label + " " + actual[fails] + f"，要求 {leaf.shown}，差 " + steps[fails] + " 级"
            text_en[fails] = (label_en + " " + actual[fails] + f", required {leaf.shown}, " + steps[fails]
                              + " level(s) short")
    elif attr.kind == "bool":
        x = table.number(leaf.attribute)[rows]
        actual = np.where(x == 1, "是", "否").astype(object)
        text[fails] = label + "：" + actual[fails] + f"（要求 {leaf.shown}）"
        text_en[fails] = label_en + ": " + np.where(x == 1, "yes", "no")[fails] + f" (required {leaf.shown})"
    elif attr.kind == "code":
        actual = table.code(leaf.attribute)[rows]
        text[fails] = label + " " + actual[fails] + f" 不符合要求（{leaf.shown}）"
        text_en[fails] = label_en + " " + actual[fails] + f" does not match ({leaf.shown})"
    elif op in ("has_title", "not_has_title"):
        held = table.members(leaf.attribute, value)[rows]
        names = {0: "未持有", 1: "持有"} | {k: f"持有（{level_name(k)}）" for k in (2, 3, 4)}
        actual = np.array([names[int(h)] for h in held], dtype=object)
        if op == "not_has_title":
            text[fails], text_en[fails] = f"已持有「{value}」（要求未持有）", f"already holds {value} (must not)"
        else:
            lower = fails & (held > 0)
            text[fails & (held == 0)] = f"未持有「{value}」称号"
            text_en[fails & (held == 0)] = f"does not hold the title {value}"
            text[lower] = np.array([f"「{value}」为{level_name(int(h))}，要求 {leaf.shown}" for h in held[lower]],
                                   dtype=object)
            text_en[lower] = f"{value} is held at a lower level ({leaf.shown})"
    else:  # list membership
        members = {item: table.members(leaf.attribute, item)[rows] > 0 for item in value}
        actual = np.array(["、".join(i for i, m in members.items() if m[k]) or "无" for k in range(n)], dtype=object)
        if op == "in":
            text[fails] = f"{label} 不属于 {'、'.join(value)}"
            text_en[fails] = f"{label_en} not in {', '.join(value)}"
        else:
            text[fails] = label + " 属于 " + actual[fails] + f"（要求 {leaf.shown}）"
            text_en[fails] = label_en + " in " + actual[fails]

    missing = status == -1
    actual = np.where(missing, "", actual).astype(object)
    gap = np.where(fails, gap, np.nan)
    text[missing] = f"{label} 数据缺失（要求 {leaf.shown}）"
    text_en[missing] = f"{label_en}: no data (required {leaf.shown})"
    text[holds] = label + " " + actual[holds] + f"，符合（{leaf.shown}）"
    text_en[holds] = label_en + " " + actual[holds] + f": met ({leaf.shown})"
    return Described(text, text_en, actual, gap)
