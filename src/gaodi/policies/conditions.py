"""Eligibility conditions of a policy: a tree of ``all``/``any`` groups over attribute tests.

Parsed from the policy file by :func:`parse_conditions`, which checks every attribute, operator,
value and unit against :data:`~gaodi.policies.attributes.ATTRIBUTES` and normalises values
to the table's units (a revenue threshold of ``2 亿元`` becomes 20000 万元). Each leaf keeps the
value and unit as the policy wrote them, for explanations ("营业收入 1.6亿元 < 2亿元").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gaodi.errors import InputError, Location
from gaodi.policies.attributes import ATTRIBUTES, TITLE_LEVELS, convert_unit

__all__ = ["OPERATORS", "Group", "Leaf", "PolicyFileError", "parse_conditions"]

OPERATORS: dict[str, tuple[str, ...]] = {
    "number": (">=", ">", "<=", "<", "==", "!=", "between"),
    "scale": (">=", ">", "<=", "<", "==", "!=", "between", "in", "not_in"),
    "code": ("==", "!=", "in", "not_in"),
    "list": ("in", "not_in"),
    "titles": ("has_title", "not_has_title", "in", "not_in"),
    "bool": ("==", "!="),
}
_LEAF_FIELDS = {"attribute", "op", "value", "unit", "level", "label", "within_reach"}
SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "!=": "≠"}


def PolicyFileError(source: str, policy_id: str | None, field: str, zh: str, en: str) -> InputError:
    """An InputError about a policy file, naming the file, the policy id and the field."""
    where = f"政策 {policy_id} 的 {field or '（整体）'}" if policy_id else f"字段 {field or '（整体）'}"
    return InputError(message=f"{where}：{zh}",
                      message_en=f"policy {policy_id or '-'}, field {field or '-'}: {en}",
                      location=Location(file=source, column=field or None),
                      fix="按 docs/enterprise-services.md 的政策文件格式改正 (see the policy file format)",
                      details={"file": source, "policy_id": policy_id, "field": field})


@dataclass(frozen=True)
class Leaf:
    """One test on one attribute. ``value`` is normalised; ``shown`` is the requirement as written."""

    id: str
    attribute: str
    op: str
    value: Any
    unit: str
    shown: str
    level: int = 0
    label: str = ""
    within_reach: bool = False

    def leaves(self) -> tuple[Leaf, ...]:
        return (self,)

    @property
    def title(self) -> str:
        return self.label or ATTRIBUTES[self.attribute].label


@dataclass(frozen=True)
class Group:
    """``all`` (every child must hold) or ``any`` (at least one)."""

    id: str
    kind: str
    children: tuple[Group | Leaf, ...]

    def leaves(self) -> tuple[Leaf, ...]:
        return tuple(leaf for child in self.children for leaf in child.leaves())


def parse_conditions(node: Any, source: str, policy_id: str) -> Group:
    """Parse the ``conditions`` of a policy: a list (all of) or a mapping with ``all`` or ``any``."""
    root = _parse(node, source, policy_id, "conditions", "")
    return root if isinstance(root, Group) else Group("", "all", (root,))


def _parse(node: Any, source: str, pid: str, path: str, nid: str) -> Group | Leaf:
    if isinstance(node, list):
        node = {"all": node}
    if not isinstance(node, Mapping):
        raise PolicyFileError(source, pid, path, "条件应是映射或列表", "a condition must be a mapping or a list")
    if "all" in node or "any" in node:
        kind = "all" if "all" in node else "any"
        if set(node) != {kind} or not isinstance(node[kind], list):
            raise PolicyFileError(source, pid, path, f"{kind} 组只能含一个条件列表",
                                  f"an {kind} group holds exactly one list of conditions")
        children = tuple(_parse(child, source, pid, f"{path}.{kind}[{i}]", f"{nid}{i + 1}.")
                         for i, child in enumerate(node[kind]))
        return Group(nid.rstrip("."), kind, children)
    return _leaf(node, source, pid, path, nid.rstrip(".") or "1")


def _leaf(node: Mapping, source: str, pid: str, path: str, nid: str) -> Leaf:
    def fail(fld: str, zh: str, en: str) -> InputError:
        return PolicyFileError(source, pid, f"{path}.{fld}", zh, en)

    unknown = sorted(str(k) for k in node if k not in _LEAF_FIELDS)
    if unknown:
        raise fail(unknown[0], f"未知字段 {unknown[0]}", f"unknown field {unknown[0]}")
    name = node.get("attribute")
    if name not in ATTRIBUTES or ATTRIBUTES[name].kind == "text":
        known = ", ".join(a for a, spec in ATTRIBUTES.items() if spec.kind != "text")
        raise fail("attribute", f"未知的企业属性 {name!r}，可用：{known}", f"unknown attribute {name!r}; known: {known}")
    attr = ATTRIBUTES[name]
    op = node.get("op")
    if op not in OPERATORS[attr.kind]:
        raise fail("op", f"运算符 {op!r} 不适用于 {name}（{attr.label}），可用：{' '.join(OPERATORS[attr.kind])}",
                   f"operator {op!r} does not apply to {name}; use one of {' '.join(OPERATORS[attr.kind])}")
    if "value" not in node:
        raise fail("value", "缺少 value", "value is missing")
    raw, unit = node["value"], node.get("unit", attr.unit)
    label = str(node.get("label") or "")
    within_reach = node.get("within_reach", False)
    if not isinstance(within_reach, bool):
        raise fail("within_reach", "within_reach 应是 true 或 false", "within_reach must be true or false")
    level = 0
    if node.get("level") is not None:
        if op != "has_title" or node["level"] not in TITLE_LEVELS:
            raise fail("level", "level 只用于 has_title，取 市级/省级/国家级", "level goes with has_title: 市级/省级/国家级")
        level = TITLE_LEVELS[node["level"]]

    if attr.kind == "number":
        if unit != attr.unit:
            try:
                convert_unit(1.0, unit, attr.unit)
            except ValueError:
                raise fail("unit", f"单位 {unit} 与 {name} 的单位 {attr.unit} 不符",
                           f"unit {unit} does not fit {name} ({attr.unit})") from None
        nums = _numbers(raw, op, fail)
        value = tuple(convert_unit(v, unit, attr.unit) for v in nums) if op == "between" else \
            convert_unit(nums[0], unit, attr.unit)
        shown = f"{_fmt(nums[0])}–{_fmt(nums[1])}{unit}" if op == "between" else f"{SYMBOLS[op]} {_fmt(nums[0])}{unit}"
    elif attr.kind == "scale":
        items = _texts(raw, op, fail)
        bad = [v for v in items if v not in attr.scale]
        if bad:
            raise fail("value", f"{bad[0]!r} 不是 {attr.label} 的等级，可选 {' < '.join(attr.scale)}",
                       f"{bad[0]!r} is not a level of {name}; levels: {' < '.join(attr.scale)}")
        idx = tuple(float(attr.scale.index(v)) for v in items)
        if op == "between" and (len(idx) != 2 or idx[0] > idx[1]):
            raise fail("value", "between 需要 [低, 高] 两个等级", "between needs [low, high]")
        value = idx if op in ("in", "not_in", "between") else idx[0]
        shown = _show_items(op, items, attr.scale)
    elif attr.kind == "code":
        items = _texts(raw, op, fail)
        if not all(v.isdigit() for v in items):
            raise fail("value", "代码应是加引号的数字文本，如 \"4301\"", "codes must be quoted digit strings, e.g. \"4301\"")
        value = tuple(items) if op in ("in", "not_in") else items[0]
        shown = _show_items(op, items, ())
    elif attr.kind in ("list", "titles"):
        items = _texts(raw, op, fail)
        value = items[0] if op in ("has_title", "not_has_title") else tuple(items)
        shown = _show_items(op, items, (), level)
    else:  # bool
        if not isinstance(raw, bool):
            raise fail("value", "value 应是 true 或 false", "value must be true or false")
        value, shown = float(raw), f"{SYMBOLS[op]} {'是' if raw else '否'}"
    return Leaf(nid, name, op, value, unit if attr.kind == "number" else "", shown, level, label, within_reach)


def _numbers(raw: Any, op: str, fail) -> tuple[float, ...]:
    values = raw if op == "between" else [raw]
    if (op == "between" and (not isinstance(raw, list) or len(raw) != 2)) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise fail("value", "value 应是数字（between 为 [下限, 上限]）", "value must be a number ([low, high] for between)")
    if op == "between" and values[0] > values[1]:
        raise fail("value", f"between 下限 {values[0]} 大于上限 {values[1]}", "between: low exceeds high")
    return tuple(float(v) for v in values)


def _texts(raw: Any, op: str, fail) -> list[str]:
    multi = op in ("in", "not_in", "between")
    if multi and not isinstance(raw, list):
        raw = [raw]
    items = raw if multi else [raw]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise fail("value", "value 应是文本（in/not_in 为文本列表；代码请加引号）",
                   "value must be text (a list of texts for in/not_in; quote codes)")
    return [v.strip() for v in items]


def _show_items(op: str, items: list[str], scale: tuple[str, ...], level: int = 0) -> str:
    if op == "has_title":
        suffix = {2: "（市级及以上）", 3: "（省级及以上）", 4: "（国家级）"}.get(level, "")
        return f"持有「{items[0]}」{suffix}"
    if op == "not_has_title":
        return f"未持有「{items[0]}」"
    if op in ("in", "not_in"):
        return ("属于 " if op == "in" else "不属于 ") + "、".join(items)
    if op == "between":
        return f"{items[0]}–{items[1]}"
    return f"{SYMBOLS[op]} {items[0]}"


def _fmt(x: float) -> str:
    """A number as official documents write it: 2, 1.6, 0.35, 12000 (at most two decimals)."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
